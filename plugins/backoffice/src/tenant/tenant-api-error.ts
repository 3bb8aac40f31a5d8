/**
 * A tenant service answer other than success, with the status and the service's own words.
 * @public
 */
export class TenantApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'TenantApiError';
  }
}

const ADVICE: Record<number, string> = {
  401: 'Check the tenant API token secret of the backoffice plugin.',
  403: 'The tenant API token may not do this.',
  404: 'The tenant does not exist in the tenant service.',
  409: 'A tenant with this id already exists: pick another customer id, or remove the old tenant first.',
  422: 'The tenant service cannot apply this.',
};

/** One sentence naming the request, what the service said and what to do. */
export function tenantApiError(request: string, status: number, body: unknown): TenantApiError {
  const problem = body as { detail?: string; title?: string } | undefined;
  const said = problem?.detail ?? problem?.title ?? (typeof body === 'string' && body ? body.slice(0, 200) : `HTTP ${status}`);
  const advice = ADVICE[status] ?? (status >= 500 ? 'The tenant service failed; try again later.' : '');
  return new TenantApiError(`The tenant service refused ${request} (${status}): ${said}.${advice ? ` ${advice}` : ''}`, status);
}
