import request from 'supertest';
import { createApiRouter } from './api-router';
import { createHttpApp } from './create-http-app';
import { defineRoute, type ApiRequestContext } from './api-route';

const list = defineRoute({
  method: 'get',
  path: '/runs',
  operationId: 'listRuns',
  summary: 'List',
  access: { signedIn: 'any' },
  query: { limit: { schema: { type: 'integer', minimum: 1, maximum: 200 } }, cursor: { schema: { type: 'string', pattern: '^run_[0-9a-z]+$' } }, tag: { schema: { type: 'array', items: { type: 'string', maxLength: 3 } } } },
  responses: {},
  handler: ({ query }: ApiRequestContext) => ({ body: query }),
} as never);
const server = createHttpApp({ api: [{ prefix: '', router: createApiRouter([list]) }] });

describe('query parameters', () => {
  it('are checked against their schemas with a /query pointer', async () => {
    const big = await request(server).get('/api/v1/runs?limit=99999999999999999999').expect(400);
    expect(big.body.errors).toEqual([{ pointer: '/query/limit', message: 'must be <= 200' }]);
    expect(big.body.detail).toBe('The query parameter "limit" is invalid: /query/limit must be <= 200.');
    expect((await request(server).get('/api/v1/runs?limit=ten').expect(400)).body.errors[0]).toEqual({ pointer: '/query/limit', message: 'must be integer' });
    expect((await request(server).get('/api/v1/runs?cursor=%00').expect(400)).body.errors[0].pointer).toBe('/query/cursor');
    expect((await request(server).get('/api/v1/runs?limit=1&limit=2').expect(400)).body.errors[0]).toEqual({ pointer: '/query/limit', message: 'must be a single value' });
    expect((await request(server).get('/api/v1/runs?cursor[__proto__]=x').expect(400)).body.errors[0].pointer).toBe('/query/cursor');
    expect((await request(server).get('/api/v1/runs?tag=a&tag=long').expect(400)).body.errors[0].pointer).toBe('/query/tag/1');
  });

  it('pass valid values to the handler as sent', async () => {
    const ok = await request(server).get('/api/v1/runs?limit=20&cursor=run_abc&tag=a').expect(200);
    expect(ok.body).toEqual({ limit: '20', cursor: 'run_abc', tag: 'a' });
  });
});
