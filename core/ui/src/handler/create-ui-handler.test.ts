import express from 'express';
import request from 'supertest';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createUiHandler } from './create-ui-handler';
import { UI_API_VERSION } from '@portico/ui-api/version';

let root: string;
let app: express.Express;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'portico-ui-handler-'));
  const appDir = join(root, 'app');
  mkdirSync(join(appDir, 'chunks'), { recursive: true });
  writeFileSync(join(appDir, 'app-abc.mjs'), 'import "./chunks/x-1.mjs";');
  writeFileSync(join(appDir, 'chunks', 'x-1.mjs'), 'export const x = 1;');
  mkdirSync(join(appDir, 'shared', 'base', 'chunks'), { recursive: true });
  writeFileSync(join(appDir, 'shared', 'base', 'shared-react-1.mjs'), 'import "./chunks/react-core-1.mjs"; export default {};');
  writeFileSync(join(appDir, 'shared', 'base', 'chunks', 'react-core-1.mjs'), 'export {};');
  const closure = { react: { files: ['shared/base/shared-react-1.mjs', 'shared/base/chunks/react-core-1.mjs'], shared: [] } };
  writeFileSync(join(appDir, 'shared', 'base', 'manifest.json'), JSON.stringify({ shared: { react: 'shared/base/shared-react-1.mjs' }, closure }));
  const appManifest = { app: 'app-abc.mjs', initial: ['app-abc.mjs', 'chunks/x-1.mjs'], initialShared: ['react'], dashboardChunks: [], dashboardShared: [], css: [], shared: {}, closure: {} };
  writeFileSync(join(appDir, 'manifest.json'), JSON.stringify(appManifest));
  writeFileSync(join(root, 'good.mjs'), 'export function Card() {}');
  writeFileSync(join(root, 'future.mjs'), 'export function Card() {}');
  app = express();
  app.use(
    createUiHandler({
      appDir,
      title: 'Acme <Portal>',
      plugins: [
        { pluginId: 'good', bundleFile: join(root, 'good.mjs'), uiApi: '^0.1.0' },
        { pluginId: 'future', bundleFile: join(root, 'future.mjs'), uiApi: '^9.0.0' },
        { pluginId: 'unbuilt', bundleFile: join(root, 'missing.mjs') },
      ],
    }),
  );
  app.use('/api', (_req, res) => res.status(418).json({ api: true }));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

test('serves the shell with an import map of the shared modules and the boot data', async () => {
  const response = await request(app).get('/').expect(200).expect('content-type', /text\/html/);
  const importMap = JSON.parse(/<script type="importmap">(.*?)<\/script>/s.exec(response.text)![1]);
  expect(importMap.imports).toEqual({ '@mui/material/': '/ui/mui/', react: '/ui/assets/shared/base/shared-react-1.mjs' });
  expect(response.text).toContain('<title>Acme &#60;Portal&#62;</title>');
  expect(response.text).toContain('<link rel="modulepreload" href="/ui/assets/chunks/x-1.mjs">');
  // The shared modules the app imports load beside it: their entry and what they import.
  expect(response.text).toContain('<link rel="modulepreload" href="/ui/assets/shared/base/chunks/react-core-1.mjs">');
  const boot = JSON.parse(/<script type="application\/json" id="portico-boot">(.*?)<\/script>/s.exec(response.text)![1]);
  expect(boot.uiApiVersion).toBe(UI_API_VERSION);
  expect(boot.plugins.map((p: { pluginId: string; compatible: boolean }) => [p.pluginId, p.compatible])).toEqual([
    ['good', true],
    ['future', false],
    ['unbuilt', false],
  ]);
  expect(boot.plugins[1].problem).toBe(`Plugin "future" UI was built for @portico/ui-api ^9.0.0; this portal provides ${UI_API_VERSION}. Its widgets are not loaded.`);
  expect(boot.plugins[2].problem).toMatch(/has no UI bundle/);
});

test('answers client routes with the shell but leaves the API alone', async () => {
  const page = await request(app).get('/catalog/service/cart').set('accept', 'text/html').expect(200);
  expect(page.text).toContain('id="root"');
  await request(app).get('/api/v1/kinds').expect(418);
  await request(app).post('/catalog').expect(404);
});

test('serves hashed assets and 404s unknown ones', async () => {
  const asset = await request(app).get('/ui/assets/chunks/x-1.mjs').expect(200);
  expect(asset.headers['cache-control']).toContain('immutable');
  expect(asset.headers['content-type']).toMatch(/javascript/);
  await request(app).get('/ui/assets/nope.mjs').expect(404);
});

test('serves compatible plugin bundles and refuses the others with a problem', async () => {
  const good = await request(app).get('/ui/plugins/good.mjs').expect(200);
  expect(good.headers['content-type']).toMatch(/javascript/);
  expect(good.text).toBe('export function Card() {}');
  const refused = await request(app).get('/ui/plugins/future.mjs').expect(409);
  expect(JSON.parse(refused.text)).toMatchObject({ status: 409, title: 'Incompatible plugin UI' });
  await request(app).get('/ui/plugins/other.mjs').expect(404);
});

test('serves MUI deep imports as re-exports of the shared barrel', async () => {
  const module = await request(app).get('/ui/mui/Button').expect(200);
  expect(module.text).toContain("export * from '@mui/material';");
  expect(module.text).toContain('export default M["Button"];');
  await request(app).get('/ui/mui/..%2Fsecret').expect(404);
});
