import type { RequestHandler } from 'express';
import { auditDetailOf, type RequestWithContext } from '@portico/http';
import type { AuditEvent, AuditOutcome } from './audit-record';

const MUTATIONS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const REFUSALS = new Set([401, 403, 429]);

/** What a finished response means for the audit log: refusals first, then success or failure. */
export function outcomeOf(status: number): AuditOutcome {
  if (REFUSALS.has(status)) return 'refused';
  return status < 400 ? 'ok' : 'failed';
}

/**
 * The one place HTTP requests reach the audit log: mounted before everything that can answer
 * (rate limits, CSRF, authentication, routes), it records, once each response has gone, every
 * write under /api/v1 (plugin routes and public webhooks too) and every refusal (401, 403, 429)
 * anywhere. Who acted comes from `req.identity`, what from the route's operationId, and the
 * target and before/after states from the handler's `ctx.audit(...)`. A request refused before
 * routing has no operationId; its method and path say what it tried.
 * @public
 */
export function auditCapture(audit: { record(event: AuditEvent): Promise<void> }): RequestHandler {
  return (req: RequestWithContext, res, next) => {
    res.once('finish', () => {
      const status = res.statusCode;
      const path = (req.originalUrl || req.url).split('?')[0].slice(0, 1024);
      const write = MUTATIONS.has(req.method) && (path === '/api/v1' || path.startsWith('/api/v1/'));
      if (!write && !REFUSALS.has(status)) return;
      const portico = (res.locals.portico ?? {}) as { operationId?: string };
      const detail = auditDetailOf(res) ?? {};
      const identity = req.identity;
      const note = identity?.owner ? { ...detail.note, onBehalfOf: identity.owner } : detail.note;
      void audit.record({
        actor: identity?.id ?? 'anonymous',
        via: identity?.via,
        action: portico.operationId ?? (REFUSALS.has(status) ? 'request.refused' : 'request.unrouted'),
        method: req.method,
        path,
        status,
        outcome: outcomeOf(status),
        requestId: req.requestId,
        target: detail.target,
        before: detail.before,
        after: detail.after,
        note,
      });
    });
    next();
  };
}
