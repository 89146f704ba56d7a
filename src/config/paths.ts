import path from 'node:path';

/** The repository (package) root: this file is two levels down in both src/ and dist/. */
export const REPO_ROOT = path.resolve(__dirname, '../..');
export const SCHEMA_DIR = path.join(REPO_ROOT, 'schema');
export const SEEDS_DIR = path.join(REPO_ROOT, 'seeds');
