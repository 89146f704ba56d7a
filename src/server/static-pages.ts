import fs from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import helmet from 'helmet';
import { REPO_ROOT } from '../config/paths';

/** Where `npm run build` (web/build.js) writes the browser pages. */
export const WEB_DIST_DIR = path.join(REPO_ROOT, 'dist', 'web');

/** The pages served, each a folder of WEB_DIST_DIR with an index.html. */
export const PAGES = ['playground', 'explorer'] as const;

/**
 * Content-Security-Policy of the pages: nothing may be loaded from, or sent to, anywhere but the
 * service's own origin, so the pages work (and leak nothing) on an air-gapped network.
 * `data:` images and fonts are inlined in the bundles; `'unsafe-inline'` for styles only, because
 * GraphiQL's dialogs and Cytoscape insert `<style>` elements: an inline style can load nothing
 * that img-src/font-src do not allow. Scripts stay `'self'` only: no inline script, no eval.
 */
const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
};

/**
 * The self-hosted browser pages: the GraphiQL playground at /playground and the graph explorer
 * at /explorer, built from npm packages at build time. A browser asking for /graphql (Accept:
 * text/html) is sent to the playground instead of Apollo's landing page, which loads from a CDN.
 */
export function staticPages(webDir = WEB_DIST_DIR): Router {
  const router = express.Router();
  const security = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    // TLS is the deployment's business (a proxy in front); HSTS from here would outlive it.
    strictTransportSecurity: false,
  });

  router.get('/graphql', (req, res, next) => {
    if (req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) !== 'text/html')
      return next();
    res.redirect(302, 'playground/');
  });

  for (const page of PAGES) {
    const dir = path.join(webDir, page);
    router.use(`/${page}`, security, (_req, res, next) => {
      if (fs.existsSync(path.join(dir, 'index.html'))) return next();
      res.status(503).type('text/plain').send(`The ${page} is not built: run \`npm run build\`.\n`);
    });
    // Asset names are not content-hashed: revalidate each time (cheap with ETags).
    router.use(`/${page}`, express.static(dir, { index: 'index.html', maxAge: 0 }));
  }
  return router;
}
