import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApiRouter, defineRoute, securityHeaders, type ApiRoute } from '@portico/http';
import { Router } from 'express';

const here = typeof __dirname !== 'undefined' ? __dirname : dirname(fileURLToPath(import.meta.url));

/** Redoc's standalone bundle (React, styled-components and all), served by the portal itself: no CDN. */
export const REDOC_BUNDLE = createRequire(join(here, 'api-docs-routes.js')).resolve('redoc/bundles/redoc.standalone.js');

/** Where the page and the bundle are served; the document itself stays at /api/v1/openapi.json. */
export const API_DOCS_PATH = '/api/docs';

// The page holds no data: Redoc fetches the document with the caller's own credentials, so who
// may read the API reference is decided where it is read (`getOpenApiDocument`, signed in).
const PAGE_ACCESS = { public: 'A static page and script; the API document it renders is read from /api/v1/openapi.json, which needs a signed-in identity' } as const;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string): string {
  // No inline script: the bundle initialises every <redoc spec-url> element itself.
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} API reference</title>
</head>
<body>
<redoc spec-url="/api/v1/openapi.json" sort-tags-alphabetically="true" path-in-middle-panel="true"></redoc>
<script src="${API_DOCS_PATH}/redoc.standalone.js"></script>
</body>
</html>
`;
}

/**
 * `/api/docs`: the portal's live API reference, the OpenAPI document the portal serves (the
 * installed plugins' routes included, rebuilt when a plugin is added or removed) rendered with Redoc.
 */
export function apiDocsRoutes(options: { title: string }): ApiRoute[] {
  const html = page(options.title);
  return [
    defineRoute({
      method: 'get',
      path: '/',
      operationId: 'getApiDocsPage',
      summary: 'The API reference page (Redoc)',
      access: PAGE_ACCESS,
      responses: { '200': { description: 'The page', contentType: 'text/html' } },
      handler: ({ res }) => {
        res.type('html').setHeader('cache-control', 'no-cache');
        res.send(html);
        return undefined;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/redoc.standalone.js',
      operationId: 'getRedocBundle',
      summary: "Redoc's standalone bundle",
      access: PAGE_ACCESS,
      responses: { '200': { description: 'The script', contentType: 'text/javascript' } },
      handler: ({ res }) =>
        new Promise<undefined>((done, fail) => {
          res.sendFile(REDOC_BUNDLE, { maxAge: '1h', headers: { 'content-type': 'text/javascript; charset=utf-8' } }, (error) => (error && !res.headersSent ? fail(error) : done(undefined)));
        }),
    }),
  ];
}

/**
 * The router that serves `/api/docs`. Its Content-Security-Policy is the portal's with one
 * addition: Redoc runs its search index in a Web Worker it creates from a `blob:` URL.
 */
export function apiDocsRouter(options: { title: string }): Router {
  const router = Router();
  router.use(API_DOCS_PATH, securityHeaders({ workerSrc: ['blob:'] }), createApiRouter(apiDocsRoutes(options)));
  return router;
}
