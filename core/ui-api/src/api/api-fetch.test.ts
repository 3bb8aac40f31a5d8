import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiFetch } from './api-fetch';
import { ApiError } from './api-error';

let server: Server;
let base: string;
const seen: Array<{ method?: string; url?: string; body: string; type?: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, body, type: req.headers['content-type'] });
      if (req.url === '/api/v1/missing') {
        res.writeHead(404, { 'content-type': 'application/problem+json' });
        res.end(JSON.stringify({ title: 'Not Found', status: 404, detail: 'no kind "x"', errors: [{ path: '/schema', message: 'must be object' }] }));
      } else if (req.url === '/api/v1/broken') {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end('upstream down');
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: true, url: req.url }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

test('sends JSON bodies with POST and parses the answer', async () => {
  const result = await apiFetch<{ ok: boolean; url: string }>(`${base}/api/v1/entities/query`, { body: { kind: 'service' } });
  expect(result).toEqual({ ok: true, url: '/api/v1/entities/query' });
  const request = seen[seen.length - 1];
  expect(request).toMatchObject({ method: 'POST', type: 'application/json', body: '{"kind":"service"}' });
});

test('turns a problem+json answer into an ApiError with its field problems', async () => {
  const error = await apiFetch(`${base}/api/v1/missing`).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ApiError);
  const apiError = error as ApiError;
  expect(apiError.status).toBe(404);
  expect(apiError.message).toBe('Not Found: no kind "x"');
  expect(apiError.fieldProblems).toEqual([{ path: '/schema', message: 'must be object' }]);
});

test('keeps a non-JSON error body readable', async () => {
  const error = (await apiFetch(`${base}/api/v1/broken`).catch((caught: unknown) => caught)) as ApiError;
  expect(error.status).toBe(502);
  expect(error.detail).toBe('upstream down');
});
