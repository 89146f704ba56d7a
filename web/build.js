/**
 * Builds the browser pages (web/playground, web/explorer) into dist/web/<page>/ as static files:
 * index.html, main.js, main.css. Everything the pages load is bundled from npm packages at build
 * time, so the served pages never reach beyond the service's own origin; the build fails if a
 * bundle still references a remote stylesheet, font or image.
 */
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'dist', 'web');
const PAGES = [
  { name: 'playground', entry: 'web/playground/main.tsx' },
  { name: 'explorer', entry: 'web/explorer/main.ts' },
];
/** CSS url()/@import and JS import() pointing off-origin: a bundle must contain none. */
const REMOTE = /(?:url\(\s*['"]?|@import\s+['"]?|import\(\s*['"])(?:https?:)?\/\//i;

async function buildPage({ name, entry }) {
  const outdir = path.join(OUT, name);
  fs.rmSync(outdir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: { main: path.join(ROOT, entry) },
    outdir,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    minify: true,
    sourcemap: true,
    jsx: 'automatic',
    legalComments: 'linked',
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.svg': 'file', '.png': 'file' },
    logLevel: 'warning',
  });
  fs.copyFileSync(path.join(ROOT, 'web', name, 'index.html'), path.join(outdir, 'index.html'));
  for (const file of fs.readdirSync(outdir).filter((f) => /\.(css|js|html)$/.test(f))) {
    const text = fs.readFileSync(path.join(outdir, file), 'utf8');
    const m = REMOTE.exec(text);
    if (m)
      throw new Error(
        `dist/web/${name}/${file} loads a remote resource: …${text.slice(m.index, m.index + 80)}…`,
      );
  }
  const kb = fs
    .readdirSync(outdir)
    .filter((f) => !f.endsWith('.map'))
    .reduce((s, f) => s + fs.statSync(path.join(outdir, f)).size, 0);
  process.stdout.write(`built dist/web/${name}/ (${Math.round(kb / 1024)} KiB)\n`);
}

Promise.all(PAGES.map(buildPage)).catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
