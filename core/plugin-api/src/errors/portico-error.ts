/** @public */
export interface FieldProblem {
  /** JSON pointer of the bad field, e.g. `/properties/replicas`. */
  pointer: string;
  message: string;
}

/**
 * An error with an HTTP status and a stable problem type. The kernel turns it into an
 * `application/problem+json` answer (RFC 9457); anything else becomes a plain 500.
 * @public
 */
export class PorticoError extends Error {
  readonly status: number;
  /** Stable problem type, a URN such as `urn:portico:problem:not-found`. */
  readonly type: string;
  readonly title: string;
  readonly errors?: FieldProblem[];
  readonly extensions?: Record<string, unknown>;

  constructor(options: {
    status: number;
    code: string;
    title: string;
    detail: string;
    errors?: FieldProblem[];
    extensions?: Record<string, unknown>;
  }) {
    super(options.detail);
    this.name = 'PorticoError';
    this.status = options.status;
    this.type = `urn:portico:problem:${options.code}`;
    this.title = options.title;
    this.errors = options.errors;
    this.extensions = options.extensions;
  }
}

/** @public */
export class ValidationError extends PorticoError {
  constructor(detail: string, errors: FieldProblem[] = [], code = 'validation') {
    super({ status: 400, code, title: 'Invalid input', detail, errors });
  }
}

/** @public */
export class NotFoundError extends PorticoError {
  constructor(detail: string) {
    super({ status: 404, code: 'not-found', title: 'Not found', detail });
  }
}

/** @public */
export class ConflictError extends PorticoError {
  constructor(detail: string, extensions?: Record<string, unknown>, code = 'conflict') {
    super({ status: 409, code, title: 'Conflict', detail, extensions });
  }
}

/** @public */
export class PreconditionFailedError extends PorticoError {
  constructor(detail: string, extensions?: Record<string, unknown>) {
    super({ status: 412, code: 'precondition-failed', title: 'Precondition failed', detail, extensions });
  }
}

/** @public */
export class ForbiddenError extends PorticoError {
  /** `extensions` such as `{ permission }` travel in the problem, so clients can say what is missing. */
  constructor(detail: string, extensions?: Record<string, unknown>) {
    super({ status: 403, code: 'forbidden', title: 'Forbidden', detail, extensions });
  }
}

/** @public */
export class UnauthorizedError extends PorticoError {
  constructor(detail: string) {
    super({ status: 401, code: 'unauthorized', title: 'Unauthorized', detail });
  }
}

/**
 * A store or service the request needs is down for now (answered 503 with `Retry-After`); retrying later works.
 * @public
 */
export class ServiceUnavailableError extends PorticoError {
  constructor(detail: string, extensions?: Record<string, unknown>) {
    super({ status: 503, code: 'service-unavailable', title: 'Service unavailable', detail, extensions: { retryAfter: 5, ...(extensions ?? {}) } });
  }
}

/** @public */
export function isPorticoError(error: unknown): error is PorticoError {
  return error instanceof Error && typeof (error as PorticoError).status === 'number' && typeof (error as PorticoError).type === 'string' && (error as PorticoError).type.startsWith('urn:portico:problem:');
}
