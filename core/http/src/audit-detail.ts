import type { Response } from 'express';

/**
 * What a handler adds to the audit record of its request: the target it changed and the
 * states before and after (the audit log keeps digests of them, not the values).
 * @public
 */
export interface AuditDetail {
  /** `component:cart-service`, `run:r_123`, `token:tok_1`... */
  target?: string;
  before?: unknown;
  after?: unknown;
  /** Anything else worth keeping, small and free of secrets. */
  note?: Record<string, unknown>;
}

/**
 * Adds to the audit record of this response's request (merged, later calls win).
 * @public
 */
export function addAuditDetail(res: Response, detail: AuditDetail): void {
  res.locals.portico = res.locals.portico ?? {};
  res.locals.portico.audit = { ...(res.locals.portico.audit ?? {}), ...detail };
}

/**
 * The detail handlers added, if any.
 * @public
 */
export function auditDetailOf(res: Response): AuditDetail | undefined {
  return res.locals.portico?.audit;
}
