/**
 * An MLflow answer other than 2xx (or none), as one sentence a developer can act on: it names the
 * request, MLflow's `error_code` and `message`, and what to check.
 * @public
 */
export class MlflowApiError extends Error {
  readonly status: number | null;
  /** MLflow's error code, e.g. `RESOURCE_DOES_NOT_EXIST`. */
  readonly errorCode: string | null;

  constructor(message: string, status: number | null, errorCode: string | null) {
    super(message);
    this.name = 'MlflowApiError';
    this.status = status;
    this.errorCode = errorCode;
  }
}

/** The error for a non-2xx answer; MLflow's body is `{ error_code, message }`. */
export function toMlflowApiError(request: string, status: number, body: unknown): MlflowApiError {
  const b = (body && typeof body === 'object' ? body : {}) as { error_code?: unknown; message?: unknown };
  const code = typeof b.error_code === 'string' ? b.error_code : null;
  const said = typeof b.message === 'string' && b.message ? ` MLflow said: ${b.message}` : typeof body === 'string' && body ? ` MLflow said: ${body.slice(0, 300)}` : '';
  let message: string;
  if (status === 404 || code === 'RESOURCE_DOES_NOT_EXIST') message = `MLflow found nothing for ${request} (${status}${code ? ` ${code}` : ''}): the experiment, run, model or version does not exist (or was deleted).${said}`;
  else if (status === 401) message = `MLflow rejected the portal's credentials (401 on ${request}): check the mlflow token or username/password secrets.${said}`;
  else if (status === 403) message = `MLflow refused ${request} (403 ${code ?? 'PERMISSION_DENIED'}): the portal's MLflow user lacks the permission this needs.${said}`;
  else if (status === 400) message = `MLflow refused ${request} as invalid (400${code ? ` ${code}` : ''}).${said}`;
  else if (status === 429) message = `MLflow is throttling the portal (429 on ${request}); try again in a minute.${said}`;
  else message = status >= 500 ? `MLflow failed on ${request} (${status}); it may be down, try again later.${said}` : `MLflow answered ${status} on ${request}.${said}`;
  return new MlflowApiError(message, status, code);
}
