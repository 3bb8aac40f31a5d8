import request from 'supertest';
import { UnauthorizedError } from '@portico/plugin-api';
import { createApiRouter } from './api-router';
import { createHttpApp } from './create-http-app';
import { defineRoute, type ApiRequestContext } from './api-route';

const echo = defineRoute({
  method: 'post',
  path: '/echo',
  operationId: 'echo',
  summary: 'Echo',
  access: { signedIn: 'any' },
  body: { type: 'object' },
  responses: { '200': { description: 'the body' } },
  handler: ({ body }: ApiRequestContext) => ({ body }),
} as never);
const hook = defineRoute({ ...(echo as object), path: '/hook', operationId: 'hook', access: { public: 'signed' } } as never);

const nested = (depth: number): string => '{"a":'.repeat(depth - 1) + '{}' + '}'.repeat(depth - 1);

function app(): ReturnType<typeof createHttpApp> {
  return createHttpApp({
    api: [{ prefix: '', router: createApiRouter([echo]) }],
    publicApi: [{ prefix: '', router: createApiRouter([hook]) }],
    authenticate: async (authorization) => {
      if (authorization !== 'Bearer good') throw new UnauthorizedError('Send a good token.');
      return { id: 'token:ci', kind: 'token', displayName: 'ci', teams: [], isGuest: false, permissions: ['*'] };
    },
    maxJsonDepth: 8,
  });
}

describe('JSON bodies', () => {
  it('accepts nesting up to the depth limit and refuses deeper bodies with a 400 that says so', async () => {
    const server = app();
    await request(server).post('/api/v1/echo').set('authorization', 'Bearer good').set('content-type', 'application/json').send(nested(8)).expect(200);
    const deep = await request(server).post('/api/v1/echo').set('authorization', 'Bearer good').set('content-type', 'application/json').send(nested(9)).expect(400);
    expect(deep.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(deep.body.type).toBe('urn:portico:problem:too-deep');
    expect(deep.body.detail).toContain('deeper than the limit of 8 levels');
    expect(deep.body.errors[0].pointer).toBe('/a/a/a/a/a/a/a/a');
  });

  it('checks a document nested 100,000 deep without overflowing the stack', async () => {
    const server = createHttpApp({ api: [{ prefix: '', router: createApiRouter([echo]) }] });
    const body = '['.repeat(100_000) + ']'.repeat(100_000);
    const res = await request(server).post('/api/v1/echo').set('content-type', 'application/json').send(body).expect(400);
    expect(res.body.detail).toContain('deeper than the limit of 64 levels');
  });

  it('authenticates a request for a protected route before reading its body; public routes parse their own', async () => {
    const server = app();
    // Deep and malformed bodies do not matter to a caller without credentials: the answer is 401.
    await request(server).post('/api/v1/echo').set('content-type', 'application/json').send(nested(10_000)).expect(401);
    await request(server).post('/api/v1/echo').set('content-type', 'application/json').send('{"broken":').expect(401);
    const open = await request(server).post('/api/v1/hook').set('content-type', 'application/json').send('{"a":1}').expect(200);
    expect(open.body).toEqual({ a: 1 });
    // A public router parses with its own options (the default depth limit of 64 here).
    await request(server).post('/api/v1/hook').set('content-type', 'application/json').send(nested(65)).expect(400);
  });
});
