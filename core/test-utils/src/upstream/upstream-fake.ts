import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Request, type Response } from 'express';
import type { JsonSchema } from '@portico/plugin-api';
import { SchemaValidator, toFieldProblems } from '@portico/http';

/**
 * One request the fake received, as its handler sees it.
 * @alpha
 */
export interface UpstreamRequest {
  /** The route it matched, e.g. `GET /incidents/:id`; `null` when none did. */
  route: string | null;
  method: string;
  path: string;
  params: Record<string, string>;
  /** Parsed query; repeated and bracketed keys (`ids[]=a&ids[]=b`, `a[b]=c`) become arrays and objects. */
  query: Record<string, unknown>;
  headers: Record<string, string | undefined>;
  /** Parsed JSON, JSON:API or form-encoded body (bracketed keys nest, as Stripe sends them); else the text. */
  body: unknown;
  rawBody: string;
}

/** @alpha */
export interface UpstreamReply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** @alpha */
export interface UpstreamRoute {
  /** `METHOD /path`, with `:name` parameters, e.g. `POST /api/v1/dags/:dagId/dagRuns`. */
  route: string;
  /**
   * JSON Schemas the request must satisfy: the vendor's documented parameters and body. A request
   * that fails one is answered 400 with the fake's error body and kept in `fake.rejected`, so a
   * test sees exactly which field the client got wrong.
   */
  request?: { query?: JsonSchema; body?: JsonSchema; headers?: JsonSchema };
  handle(request: UpstreamRequest): UpstreamReply | Promise<UpstreamReply>;
}

/** @alpha */
export interface UpstreamFakeOptions {
  /** The vendor's name, used in error messages (`PagerDuty fake: no route for GET /x`). */
  name: string;
  routes: UpstreamRoute[];
  /** Checks credentials before any route runs; return a reply (e.g. a 401) to refuse. */
  authenticate?(request: UpstreamRequest): UpstreamReply | undefined;
  /** The vendor's error body for a status, a message and field problems (default `{ error: { message, errors } }`). */
  errorBody?(status: number, message: string, problems: string[]): unknown;
  /** Content type of JSON replies (default `application/json`; e.g. `application/vnd.api+json`). */
  contentType?: string;
  /** Port to listen on (default: a free one); always 127.0.0.1. */
  port?: number;
}

/** @alpha */
export interface InjectedReply extends UpstreamReply {
  /** How many matching requests get this reply (default 1). */
  times?: number;
}

/**
 * A local HTTP server answering an external product's documented shapes, with fault injection.
 * @alpha
 */
export interface UpstreamFake {
  readonly url: string;
  /** Every request received, in order, including refused ones. */
  readonly requests: UpstreamRequest[];
  /** Requests refused because they did not match the route's documented schema. */
  readonly rejected: Array<{ request: UpstreamRequest; problems: string[] }>;
  /** The next matching requests (`route` as declared, or `*`) get `reply` instead of the handler's. */
  failNext(route: string, reply: InjectedReply): void;
  /** The next `times` matching requests are answered 429 with `Retry-After` (and `extraHeaders`). */
  rateLimit(route: string, options?: { times?: number; retryAfterSeconds?: number; headers?: Record<string, string>; body?: unknown }): void;
  /** Requests received for a declared route. */
  requestsTo(route: string): UpstreamRequest[];
  /** Forgets recorded requests and pending injections. */
  reset(): void;
  close(): Promise<void>;
}

function defaultErrorBody(_status: number, message: string, problems: string[]): unknown {
  return { error: { message, errors: problems } };
}

function headerRecord(req: Request): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return headers;
}

function parseBody(raw: string, contentType: string | undefined, parseForm: (text: string) => unknown): unknown {
  if (!raw) return undefined;
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') return parseForm(raw);
  if (type.endsWith('json') || type.endsWith('+json')) {
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  }
  return raw;
}

/**
 * Starts a fake of an external HTTP API. Declare only the endpoints the client uses, each with
 * the vendor's documented request schema and response shape; tests then inject errors and rate
 * limits and read what the client sent.
 * @alpha
 */
export async function startUpstreamFake(options: UpstreamFakeOptions): Promise<UpstreamFake> {
  const validator = new SchemaValidator();
  const errorBody = options.errorBody ?? defaultErrorBody;
  const contentType = options.contentType ?? 'application/json';
  const requests: UpstreamRequest[] = [];
  const rejected: Array<{ request: UpstreamRequest; problems: string[] }> = [];
  const injected: Array<{ route: string; reply: UpstreamReply; left: number }> = [];
  const app = express();
  app.set('query parser', 'extended');
  app.disable('x-powered-by');
  app.use(express.text({ type: () => true, limit: '10mb' }));
  const parseForm = (text: string): unknown => {
    // Express's extended query parser (qs) is the form decoder Stripe-style clients expect.
    const parse = app.get('query parser fn') as (text: string) => unknown;
    return parse(text);
  };

  const send = (res: Response, reply: UpstreamReply): void => {
    res.status(reply.status ?? 200);
    for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
    if (reply.body === undefined) {
      res.end();
    } else if (typeof reply.body === 'string') {
      res.send(reply.body);
    } else {
      if (!res.getHeader('content-type')) res.setHeader('content-type', contentType);
      res.send(JSON.stringify(reply.body));
    }
  };

  const takeInjected = (route: string): UpstreamReply | undefined => {
    const index = injected.findIndex((i) => i.route === route || i.route === '*');
    if (index < 0) return undefined;
    const entry = injected[index];
    entry.left -= 1;
    if (entry.left <= 0) injected.splice(index, 1);
    return entry.reply;
  };

  for (const route of options.routes) {
    const match = /^(GET|POST|PUT|PATCH|DELETE|HEAD) (\/\S*)$/.exec(route.route);
    if (!match) throw new Error(`${options.name} fake: route "${route.route}" must read "METHOD /path"`);
    const [, method, path] = match;
    app[method.toLowerCase() as 'get'](path, async (req: Request, res: Response) => {
      const rawBody = typeof req.body === 'string' ? req.body : '';
      const request: UpstreamRequest = {
        route: route.route,
        method,
        path: req.path,
        params: { ...(req.params as Record<string, string>) },
        query: { ...(req.query as Record<string, unknown>) },
        headers: headerRecord(req),
        body: parseBody(rawBody, req.headers['content-type'], parseForm),
        rawBody,
      };
      requests.push(request);
      try {
        const refusal = options.authenticate?.(request);
        if (refusal) return send(res, refusal);
        const fault = takeInjected(route.route);
        if (fault) return send(res, fault);
        const problems: string[] = [];
        for (const part of ['query', 'headers', 'body'] as const) {
          const schema = route.request?.[part];
          if (!schema) continue;
          const validate = validator.compile(schema);
          if (!validate(request[part])) problems.push(...toFieldProblems(validate.errors).map((p) => `${part}${p.pointer === '/' ? '' : p.pointer} ${p.message}`));
        }
        if (problems.length > 0) {
          rejected.push({ request, problems });
          return send(res, { status: 400, body: errorBody(400, `${options.name} fake: the request does not match ${route.route}: ${problems.join('; ')}`, problems) });
        }
        send(res, await route.handle(request));
      } catch (error) {
        send(res, { status: 500, body: errorBody(500, `${options.name} fake: handler for ${route.route} threw: ${(error as Error).message}`, []) });
      }
    });
  }
  app.use((req: Request, res: Response) => {
    requests.push({ route: null, method: req.method, path: req.path, params: {}, query: { ...(req.query as Record<string, unknown>) }, headers: headerRecord(req), body: req.body, rawBody: typeof req.body === 'string' ? req.body : '' });
    send(res, { status: 404, body: errorBody(404, `${options.name} fake: no route for ${req.method} ${req.path}`, []) });
  });

  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(options.port ?? 0, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    rejected,
    failNext: (route, reply) => void injected.push({ route, reply, left: reply.times ?? 1 }),
    rateLimit: (route, limit = {}) =>
      void injected.push({
        route,
        left: limit.times ?? 1,
        reply: { status: 429, headers: { 'retry-after': String(limit.retryAfterSeconds ?? 1), ...(limit.headers ?? {}) }, body: limit.body ?? errorBody(429, 'Rate limit exceeded', []) },
      }),
    requestsTo: (route) => requests.filter((r) => r.route === route),
    reset: () => {
      requests.length = 0;
      rejected.length = 0;
      injected.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
