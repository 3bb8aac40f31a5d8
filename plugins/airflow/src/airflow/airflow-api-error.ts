/**
 * An Airflow answer other than 2xx, as one sentence a developer can act on. Runs fail with
 * this message: it names the request, Airflow's own words (problem+json `title`/`detail` in
 * v1, `detail` in v2, field errors of a 422) and what to check.
 * @public
 */
export class AirflowApiError extends Error {
  readonly status: number;
  readonly request: string;
  /** What Airflow said, as it said it. */
  readonly detail: string;

  constructor(options: { status: number; request: string; message: string; detail: string }) {
    super(options.message);
    this.name = 'AirflowApiError';
    this.status = options.status;
    this.request = options.request;
    this.detail = options.detail;
  }
}

interface ValidationIssue {
  loc?: Array<string | number>;
  msg?: string;
}

/** Airflow's words from a v1 problem+json (`{type,title,status,detail}`) or a v2 `{detail}` body. */
export function airflowDetail(body: unknown): string {
  if (typeof body === 'string') return body.trim().slice(0, 500);
  if (!body || typeof body !== 'object') return '';
  const b = body as { title?: unknown; detail?: unknown };
  if (Array.isArray(b.detail)) {
    return (b.detail as ValidationIssue[]).map((issue) => `${(issue.loc ?? []).join('.')}: ${issue.msg ?? 'invalid'}`).join('; ');
  }
  const detail = typeof b.detail === 'string' ? b.detail : b.detail && typeof b.detail === 'object' ? JSON.stringify(b.detail) : '';
  const title = typeof b.title === 'string' ? b.title : '';
  return [title, detail].filter(Boolean).join(': ');
}

/** The error for a non-2xx answer from the instance `instance`. */
export function toAirflowApiError(instance: string, request: string, status: number, body: unknown): AirflowApiError {
  const detail = airflowDetail(body);
  const said = detail ? ` Airflow said: ${detail}` : '';
  const where = `Airflow "${instance}"`;
  let message: string;
  switch (status) {
    case 400:
    case 422:
      message = `${where} refused ${request} as invalid (${status}).${said}`;
      break;
    case 401:
      message = `${where} rejected the portal's credentials (401 on ${request}): check the instance's username/password or token secrets.${said}`;
      break;
    case 403:
      message = `${where} refused ${request} (403): the portal's Airflow user lacks the permission this needs.${said}`;
      break;
    case 404:
      message = `${where} found nothing at ${request} (404): the DAG, run or task does not exist there (or is not parsed yet).${said}`;
      break;
    case 409:
      message = `${where} refused ${request} as a conflict (409): a run with that id already exists.${said}`;
      break;
    default:
      message = status >= 500 ? `${where} failed on ${request} (${status}); it may be down or overloaded, try again later.${said}` : `${where} answered ${status} on ${request}.${said}`;
  }
  return new AirflowApiError({ status, request, message, detail });
}
