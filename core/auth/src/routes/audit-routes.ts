import type { Response } from 'express';
import { defineRoute, type ApiRoute } from '@portico/http';
import { PERMISSIONS } from '@portico/plugin-api';
import type { AuditLog } from '../audit/audit-log';
import type { AuditQuery } from '../audit/audit-query';

const TAGS = ['audit'];
const problem = (description: string): { description: string; contentType: string } => ({ description, contentType: 'application/problem+json' });
const ACCESS = { permission: PERMISSIONS.auditRead };

const FILTERS = {
  actor: { description: 'Only records of this identity (`user:alice`, `token:ci`, `anonymous`)', schema: { type: 'string', maxLength: 200 } },
  action: { description: 'Only this operationId or event (`patchEntity`, `session.signed-in`, `run.finished`)', schema: { type: 'string', maxLength: 200 } },
  target: { description: 'Only this target (`component:cart-service`, `run:r_123`)', schema: { type: 'string', maxLength: 300 } },
  outcome: { description: 'Only `ok`, `refused` or `failed` records', schema: { enum: ['ok', 'refused', 'failed'] } },
  from: { description: 'Records at or after this time (ISO 8601)', schema: { type: 'string', format: 'date-time' } },
  to: { description: 'Records at or before this time (ISO 8601)', schema: { type: 'string', format: 'date-time' } },
};

const RECORD_SCHEMA = {
  type: 'object',
  required: ['seq', 'at', 'actor', 'action', 'outcome', 'prevHash', 'hash'],
  properties: {
    seq: { type: 'integer' },
    at: { type: 'string', format: 'date-time' },
    actor: { type: 'string' },
    via: { type: 'string' },
    action: { type: 'string' },
    method: { type: 'string' },
    path: { type: 'string' },
    status: { type: 'integer' },
    outcome: { enum: ['ok', 'refused', 'failed'] },
    requestId: { type: 'string' },
    target: { type: 'string' },
    beforeDigest: { type: 'string' },
    afterDigest: { type: 'string' },
    note: { type: 'object' },
    prevHash: { type: 'string' },
    hash: { type: 'string' },
  },
};

function filtersOf(query: Record<string, unknown>): Omit<AuditQuery, 'order' | 'cursor' | 'limit'> {
  const text = (name: string): string | undefined => (typeof query[name] === 'string' ? (query[name] as string) : undefined);
  return { actor: text('actor'), action: text('action'), target: text('target'), outcome: text('outcome') as AuditQuery['outcome'], from: text('from'), to: text('to') };
}

/** Waits until the socket takes more (an export of a long log must not fill memory). */
function drained(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}

/** The audit log: browsed, exported and checked by holders of `audit.read`. */
export function auditRoutes(audit: AuditLog): ApiRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/audit',
      operationId: 'listAuditRecords',
      summary: 'Audit records, newest first (or oldest), filtered, a page at a time',
      tags: TAGS,
      access: ACCESS,
      query: {
        ...FILTERS,
        order: { description: '`newest` (default) or `oldest` first', schema: { enum: ['newest', 'oldest'] } },
        cursor: { description: 'The `nextCursor` of the previous page', schema: { type: 'string', pattern: '^[1-9][0-9]{0,15}$' } },
        limit: { description: 'Records per page (default 50, at most 500)', schema: { type: 'integer', minimum: 1, maximum: 500 } },
      },
      responses: {
        '200': { description: 'A page of records; a filtered page may hold fewer than `limit` and still have a `nextCursor`', schema: { type: 'object', required: ['items', 'nextCursor'], properties: { items: { type: 'array', items: RECORD_SCHEMA }, nextCursor: { type: ['string', 'null'] } } } },
        '400': problem('A bad filter or cursor'),
        '403': problem('The caller lacks audit.read'),
      },
      handler: async ({ query }) => ({
        body: await audit.list({
          ...filtersOf(query),
          order: query.order === 'oldest' ? 'oldest' : 'newest',
          cursor: typeof query.cursor === 'string' ? query.cursor : undefined,
          limit: typeof query.limit === 'string' ? Number(query.limit) : undefined,
        }),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/audit/export',
      operationId: 'exportAuditRecords',
      summary: 'Every matching audit record, oldest first, as JSON lines',
      tags: TAGS,
      access: ACCESS,
      query: FILTERS,
      responses: {
        '200': { description: 'One record per line', contentType: 'application/x-ndjson', schema: RECORD_SCHEMA },
        '400': problem('A bad filter'),
        '403': problem('The caller lacks audit.read'),
      },
      handler: async ({ query, res }) => {
        const records = audit.all(filtersOf(query));
        // The first page is read before the headers go, so a bad filter still gets its 400.
        const first = await records.next();
        res.status(200);
        res.setHeader('content-type', 'application/x-ndjson; charset=utf-8');
        res.setHeader('content-disposition', `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.jsonl"`);
        try {
          if (!first.done) res.write(JSON.stringify(first.value) + '\n');
          for await (const record of records) {
            if (res.destroyed) break;
            if (!res.write(JSON.stringify(record) + '\n')) await drained(res);
          }
          res.end();
        } catch (error) {
          // Headers are gone: cut the stream so the client sees an incomplete export, not a short one.
          res.destroy(error as Error);
        }
        return undefined;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/audit/verify',
      operationId: 'verifyAuditLog',
      summary: 'Checks the hash chain of the audit log and names the first record that does not hold',
      tags: TAGS,
      access: ACCESS,
      responses: {
        '200': {
          description: 'What the check found',
          schema: { type: 'object', required: ['ok', 'checked'], properties: { ok: { type: 'boolean' }, checked: { type: 'integer' }, firstSeq: { type: 'integer' }, lastSeq: { type: 'integer' }, brokenAt: { type: 'integer' }, reason: { type: 'string' } } },
        },
        '403': problem('The caller lacks audit.read'),
      },
      handler: async () => ({ body: await audit.verify() }),
    }),
  ];
}
