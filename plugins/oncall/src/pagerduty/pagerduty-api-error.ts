/**
 * A PagerDuty answer other than 2xx, as one sentence a developer can act on. Runs fail with
 * this message, so it names the request, PagerDuty's own message and field errors, and
 * what to check.
 * @public
 */
export class PagerDutyApiError extends Error {
  readonly status: number;
  readonly request: string;
  /** PagerDuty's error code (e.g. 2001 invalid input), when it sent one. */
  readonly code: number | null;
  readonly errors: string[];

  constructor(options: { status: number; request: string; message: string; code?: number | null; errors?: string[] }) {
    super(options.message);
    this.name = 'PagerDutyApiError';
    this.status = options.status;
    this.request = options.request;
    this.code = options.code ?? null;
    this.errors = options.errors ?? [];
  }
}

interface PagerDutyErrorBody {
  error?: { message?: string; code?: number; errors?: string[] } | string;
  message?: string;
  errors?: string[];
}

/** Builds the error for a non-2xx answer: `{"error":{"message","code","errors"}}` (REST) or `{"status","message","errors"}` (Events). */
export function toPagerDutyApiError(request: string, status: number, body: unknown, retryAfter: string | null): PagerDutyApiError {
  const b = (body && typeof body === 'object' ? body : {}) as PagerDutyErrorBody;
  const error = typeof b.error === 'object' ? b.error : { message: typeof b.error === 'string' ? b.error : b.message, errors: b.errors };
  const said = [error.message, ...(error.errors ?? [])].filter(Boolean).join('; ');
  const tail = said ? ` PagerDuty said: ${said}` : '';
  let message: string;
  switch (status) {
    case 400:
      message = `PagerDuty refused ${request} as invalid (400).${tail}`;
      break;
    case 401:
      message = `PagerDuty rejected the API key (401 on ${request}): check the configured PagerDuty token secret.${tail}`;
      break;
    case 402:
      message = `PagerDuty's plan for this account does not include ${request} (402).${tail}`;
      break;
    case 403:
      message = `PagerDuty refused ${request} (403): the API key or the From user lacks the permission this needs.${tail}`;
      break;
    case 404:
      message = `PagerDuty found nothing at ${request} (404): the service, incident, schedule or user does not exist, or the key cannot see it.${tail}`;
      break;
    case 429:
      message = `PagerDuty's rate limit was hit on ${request} (429) and the retries ran out; try again${retryAfter ? ` after ${retryAfter} s` : ' in a minute'}.${tail}`;
      break;
    default:
      message = status >= 500 ? `PagerDuty failed on ${request} (${status}); it may be having an outage, try again later.${tail}` : `PagerDuty answered ${status} on ${request}.${tail}`;
  }
  return new PagerDutyApiError({ status, request, message, code: error.code ?? null, errors: error.errors ?? [] });
}
