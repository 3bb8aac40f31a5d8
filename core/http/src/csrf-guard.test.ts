import request from 'supertest';
import { createApiRouter } from './api-router';
import { createHttpApp } from './create-http-app';
import { defineRoute, type ApiRequestContext } from './api-route';

const start = defineRoute({
  method: 'post',
  path: '/actions/{id}/runs',
  operationId: 'startRun',
  summary: 'Start',
  access: { signedIn: 'any' },
  body: { type: 'object' },
  responses: { '201': { description: 'started' } },
  handler: ({ identity }: ApiRequestContext) => ({ status: 201, body: { by: identity.id } }),
} as never);

const server = createHttpApp({ api: [{ prefix: '', router: createApiRouter([start]) }], publicUrl: 'https://portal.example.com' });
const url = '/api/v1/actions/demo.deploy/runs';

describe('csrfGuard', () => {
  it('refuses a cross-site text/plain POST that would start a run as the guest', async () => {
    const res = await request(server).post(url).set('content-type', 'text/plain').set('sec-fetch-site', 'cross-site').set('origin', 'https://evil.example.net').send('{"inputs":{}}').expect(403);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.detail).toMatch(/sent from another site/);
  });

  it('refuses writes from another origin, from a sibling site, and simple bodies even same-origin', async () => {
    await request(server).post(url).set('origin', 'https://evil.example.net').send({}).expect(403);
    await request(server).post(url).set('sec-fetch-site', 'same-site').send({}).expect(403);
    const form = await request(server).post(url).set('content-type', 'application/x-www-form-urlencoded').send('a=1').expect(415);
    expect(form.body.detail).toMatch(/needs a JSON body/);
    await request(server).post(url).set('content-type', 'multipart/form-data; boundary=x').send('--x--').expect(415);
  });

  it("lets the portal's own pages and bearer-token callers write", async () => {
    await request(server).post(url).set('sec-fetch-site', 'same-origin').send({}).expect(201);
    await request(server).post(url).set('origin', 'https://portal.example.com').send({}).expect(201);
    await request(server).post(url).set('host', 'portal.internal:7007').set('origin', 'http://portal.internal:7007').send({}).expect(201);
    // A token is never sent by the browser on its own, so a cross-site call with one is no forgery.
    await request(server).post(url).set('authorization', 'Bearer x').set('sec-fetch-site', 'cross-site').set('content-type', 'text/plain').send('x').expect(201);
  });
});
