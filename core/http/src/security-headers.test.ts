import request from 'supertest';
import { createApiRouter } from './api-router';
import { createHttpApp } from './create-http-app';
import { defineRoute } from './api-route';

const ping = defineRoute({ method: 'get', path: '/ping', operationId: 'ping', summary: 'Ping', access: { signedIn: 'any' }, responses: {}, handler: () => ({ body: { ok: true } }) } as never);

describe('security headers', () => {
  const server = createHttpApp({ api: [{ prefix: '', router: createApiRouter([ping]) }], scriptSrc: ["'sha256-abc='"], after: [(_req, res) => void res.type('text/html').send('<!doctype html>')] });

  it.each(['/', '/api/v1/ping', '/api/v1/nope'])('are set on %s', async (path) => {
    const res = await request(server).get(path);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self' 'sha256-abc='");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=/);
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
