// The Portico documentation site: the guides in docs/ (this folder's parent) and a REST reference
// rendered with Redoc from the OpenAPI document the demo portal serves, written at build time by
// `portico openapi` (see core/build-config/bin/docs-build.mjs). Its own install, not a workspace.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const openapi = join(__dirname, 'generated', 'openapi.json');
if (!existsSync(openapi)) {
  throw new Error(`${openapi} is missing: build the site with "npm run docs:build" from the repository root, which writes it with "portico openapi" first.`);
}

/** @type {import('@docusaurus/types').Config} */
module.exports = {
  title: 'Portico',
  tagline: 'An open-source TypeScript framework for internal developer portals',
  url: process.env.DOCS_URL ?? 'http://127.0.0.1:3000',
  baseUrl: process.env.DOCS_BASE_URL ?? '/',
  // A broken link or anchor fails the build, so CI catches it.
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  markdown: {
    // The guides are CommonMark (read on GitHub too), not MDX.
    format: 'detect',
    hooks: { onBrokenMarkdownLinks: 'throw' },
  },
  i18n: { defaultLocale: 'en', locales: ['en'] },
  presets: [
    [
      'classic',
      /** @type {import('@docusaurus/preset-classic').Options} */
      ({
        docs: {
          path: '..',
          include: ['*.md', 'plugins/*.md'],
          routeBasePath: 'docs',
          sidebarPath: require.resolve('./sidebars.js'),
        },
        blog: false,
        theme: {},
      }),
    ],
    [
      'redocusaurus',
      {
        specs: [{ id: 'rest-api', spec: openapi, route: '/api/' }],
        theme: { primaryColor: '#1565c0' },
      },
    ],
  ],
  plugins: [
    // docusaurus-theme-redoc defines process.env.DEBUG for the bundle, which turns the Node build of
    // the `debug` package's `process.env.DEBUG = namespaces` into an invalid assignment in the
    // server bundle: both bundles take its browser build instead, which never assigns it.
    () => ({
      name: 'portico-debug-browser-build',
      configureWebpack: () => ({ resolve: { alias: { debug$: require.resolve('debug/src/browser.js') } } }),
    }),
  ],
  themeConfig: {
    navbar: {
      title: 'Portico',
      items: [
        { type: 'doc', docId: 'getting-started', label: 'Guides', position: 'left' },
        { type: 'doc', docId: 'plugin-authors-guide', label: 'Writing a plugin', position: 'left' },
        { to: '/api/', label: 'REST API', position: 'left' },
      ],
    },
    footer: { style: 'dark', copyright: 'Portico is licensed under Apache-2.0.' },
  },
};
