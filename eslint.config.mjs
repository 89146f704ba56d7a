// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Imports point one way: domain ← store ← graphql ← server ← main (cli and seed use store/domain). */
const layer = (dir, forbidden) => ({
  files: [`src/${dir}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbidden.map((f) => ({
          group: [`**/${f}`, `**/${f}/**`],
          message: `src/${dir} must not import src/${f}: imports point domain ← store ← graphql ← server ← main.`,
        })),
      },
    ],
  },
});

export default tseslint.config(
  {
    ignores: [
      '.data/**',
      'dist/**',
      'node_modules/**',
      'neo4j/target/**',
      'src/graphql/__generated__/**',
      'web/explorer/__generated__/**',
      'coverage/**',
      'test-artifacts/**',
      'static/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  layer('domain', ['store', 'graphql', 'server', 'main', 'cli', 'seed', 'config']),
  layer('ingest', ['store', 'graphql', 'server', 'main', 'cli', 'seed', 'config']),
  layer('store', ['graphql', 'server', 'main', 'cli', 'seed']),
  layer('seed', ['graphql', 'server', 'main', 'cli']),
  layer('graphql', ['server', 'main', 'cli', 'seed']),
  layer('server', ['main', 'cli']),
);
