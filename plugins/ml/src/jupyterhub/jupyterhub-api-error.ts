/**
 * A JupyterHub answer other than 2xx (or none), as one sentence a developer can act on.
 * @public
 */
export class JupyterHubApiError extends Error {
  readonly status: number | null;

  constructor(message: string, status: number | null) {
    super(message);
    this.name = 'JupyterHubApiError';
    this.status = status;
  }
}

/** The error for a non-2xx answer; the hub's body is `{ status, message }`. */
export function toJupyterHubApiError(request: string, status: number, body: unknown): JupyterHubApiError {
  const said = body && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string' ? ` JupyterHub said: ${(body as { message: string }).message}` : '';
  const todo: Record<number, string> = {
    400: 'the hub refused the request (a server of that name may be running already, or the options are not allowed)',
    401: "the hub rejected the portal's token: check the jupyterhub token secret",
    403: "the portal's hub token lacks the scope this needs (admin:servers, or servers and read:users)",
    404: 'the hub has no such user or server (the user must have signed in to the hub once)',
    409: 'a server of that name exists already',
  };
  const what = todo[status] ?? (status >= 500 ? 'the hub failed; try again later' : 'see its message');
  return new JupyterHubApiError(`JupyterHub refused ${request} (${status}): ${what}.${said}`, status);
}
