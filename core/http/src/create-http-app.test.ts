import request from 'supertest';
import { NotFoundError } from '@portico/plugin-api';
import { createApiRouter } from './api-router';
import { createHttpApp } from './create-http-app';
import { defineRoute } from './api-route';

const echo = defineRoute<{ name: string; count?: number }>({
  method: 'post',
  path: '/things/{id}',
  operationId: 'createThing',
  summary: 'Echo',
  access: { signedIn: 'test' },
  body: {
    type: 'object',
    required: ['name'],
    additionalProperties: false,
    properties: { name: { type: 'string' }, count: { type: 'integer', default: 1 }, nested: { type: 'object' } },
  },
  responses: { '201': { description: 'created' } },
  handler: ({ params, body, identity }) => ({ status: 201, body: { id: params.id, ...body, by: identity.id } }),
});
const missing = defineRoute({
  method: 'get',
  path: '/missing',
  operationId: 'missing',
  summary: 'Always 404',
  access: { signedIn: 'test' },
  responses: {},
  handler: () => {
    throw new NotFoundError('Thing "x" does not exist; list things at /api/v1/things.');
  },
});
const crash = defineRoute({
  method: 'get',
  path: '/crash',
  operationId: 'crash',
  summary: 'Throws',
  access: { signedIn: 'test' },
  responses: {},
  handler: () => {
    throw new Error('secret internals');
  },
});

function app() {
  const unexpected: unknown[] = [];
  const server = createHttpApp({ api: [{ prefix: '', router: createApiRouter([echo, missing, crash]) }], bodyLimit: '1kb', onUnexpectedError: (e) => unexpected.push(e) });
  return { server, unexpected };
}

describe('createHttpApp', () => {
  it('validates bodies, applies defaults and passes the identity', async () => {
    const res = await request(app().server).post('/api/v1/things/a').send({ name: 'n' }).expect(201);
    expect(res.body).toEqual({ id: 'a', name: 'n', count: 1, by: 'guest' });
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('answers invalid bodies with pointers to each bad field', async () => {
    const res = await request(app().server).post('/api/v1/things/a').send({ count: 'x', extra: 1 }).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.type).toBe('urn:portico:problem:validation');
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { pointer: '/name', message: 'is required' },
        { pointer: '/count', message: 'must be integer' },
        { pointer: '/extra', message: 'is not an allowed property' },
      ]),
    );
  });

  it('refuses prototype-polluting keys, malformed JSON and oversized bodies', async () => {
    const { server } = app();
    const proto = await request(server).post('/api/v1/things/a').set('content-type', 'application/json').send('{"name":"n","nested":{"__proto__":{"x":1}}}').expect(400);
    expect(proto.body.detail).toContain('/nested/__proto__');
    const malformed = await request(server).post('/api/v1/things/a').set('content-type', 'application/json').send('{"name":').expect(400);
    expect(malformed.body.type).toBe('urn:portico:problem:malformed-json');
    const big = await request(server).post('/api/v1/things/a').send({ name: 'x'.repeat(2000) }).expect(413);
    expect(big.body.detail).toMatch(/larger than the limit/);
  });

  it('maps thrown errors to problems and hides unexpected ones', async () => {
    const { server, unexpected } = app();
    const nf = await request(server).get('/api/v1/missing').expect(404);
    expect(nf.body.detail).toContain('does not exist');
    const crashed = await request(server).get('/api/v1/crash').expect(500);
    expect(JSON.stringify(crashed.body)).not.toContain('secret internals');
    expect(crashed.body.detail).toContain(crashed.headers['x-request-id']);
    expect(unexpected).toHaveLength(1);
    const unknown = await request(server).get('/api/v1/nope').expect(404);
    expect(unknown.body.type).toBe('urn:portico:problem:route-not-found');
  });
});
