import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { startPortal, type Portal } from '../portal/start-portal';

const good = join(__dirname, '..', '__fixtures__', 'plugins', 'good');

describe('/api/docs', () => {
  let dir: string;
  let portal: Portal;
  const configPath = () => join(dir, 'portico.config.yaml');
  const writeConfig = (withGood: boolean) => writeFileSync(configPath(), `portal:\n  title: Acme <Portal>\nauth:\n  guest: true\nplugins:\n${withGood ? `  - path: ${JSON.stringify(good)}\n    config: { greeting: hi }\n` : '  []\n'}`);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'portico-api-docs-'));
    writeConfig(false);
    portal = await startPortal({ configPath: configPath(), port: 0, redisUrl: null, dataDir: join(dir, 'data'), ui: false });
  });
  afterAll(async () => {
    await portal?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the Redoc page for the live document, with the portal\'s headers and a worker-src for Redoc\'s search', async () => {
    const res = await request(portal.url).get('/api/docs').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('<redoc spec-url="/api/v1/openapi.json"');
    expect(res.text).toContain('<title>Acme &#60;Portal&#62; API reference</title>');
    expect(res.text).not.toMatch(/<script>/);
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    // Only this page widens the policy.
    const elsewhere = await request(portal.url).get('/api/v1/me').expect(200);
    expect(elsewhere.headers['content-security-policy']).not.toContain('worker-src');
  });

  it('serves Redoc\'s standalone bundle itself', async () => {
    const res = await request(portal.url).get('/api/docs/redoc.standalone.js').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers['cache-control']).toMatch(/max-age=3600/);
    expect(res.text.length).toBeGreaterThan(500_000);
  });

  it('renders a document that follows plugins added and removed while the portal runs', async () => {
    const before = await request(portal.url).get('/api/v1/openapi.json').expect(200);
    expect(before.body.paths['/plugins/good/greetings/{to}']).toBeUndefined();
    writeConfig(true);
    await portal.reloadPlugins();
    const added = await request(portal.url).get('/api/v1/openapi.json').expect(200);
    expect(added.body.paths['/plugins/good/greetings/{to}'].post.requestBody.content['application/json'].schema.required).toEqual(['name']);
    writeConfig(false);
    await portal.reloadPlugins();
    const removed = await request(portal.url).get('/api/v1/openapi.json').expect(200);
    expect(removed.body.paths['/plugins/good/greetings/{to}']).toBeUndefined();
  });
});
