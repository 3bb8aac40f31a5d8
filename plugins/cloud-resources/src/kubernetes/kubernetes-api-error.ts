/**
 * A Kubernetes answer other than 2xx (or no answer), as one sentence a developer can act on:
 * runs fail with this message, so it names the cluster, the request, Kubernetes' own message
 * and what to check.
 * @public
 */
export class KubernetesApiError extends Error {
  readonly status: number | null;
  readonly reason: string | null;

  constructor(message: string, status: number | null, reason: string | null) {
    super(message);
    this.name = 'KubernetesApiError';
    this.status = status;
    this.reason = reason;
  }
}

interface StatusBody {
  message?: string;
  reason?: string;
}

function parseStatus(body: unknown): StatusBody {
  if (typeof body === 'string') {
    try {
      return parseStatus(JSON.parse(body));
    } catch {
      return body ? { message: body } : {};
    }
  }
  return body && typeof body === 'object' ? (body as StatusBody) : {};
}

/** Builds the error from what @kubernetes/client-node threw (an ApiException with the Status body, or a network error). */
export function toKubernetesApiError(cluster: string, request: string, error: unknown): KubernetesApiError {
  if (error instanceof KubernetesApiError) return error;
  const e = error as { code?: unknown; body?: unknown; message?: string; cause?: { code?: string } };
  if (typeof e.code !== 'number') {
    const why = e.cause?.code ?? (typeof e.code === 'string' ? e.code : undefined) ?? e.message ?? String(error);
    return new KubernetesApiError(`Cluster "${cluster}" could not be reached for ${request} (${why}): check its API server address and the network.`, null, null);
  }
  const status = parseStatus(e.body);
  const said = status.message ? ` Kubernetes said: ${status.message}` : '';
  const on = `${request} on cluster "${cluster}"`;
  let message: string;
  switch (e.code) {
    case 401:
      message = `Cluster "${cluster}" rejected the portal's credentials (401 on ${request}): check its token or kubeconfig.${said}`;
      break;
    case 403:
      message = `Kubernetes refused ${on} (403): the portal's service account lacks the RBAC permission this needs.${said}`;
      break;
    case 404:
      message = `Kubernetes found nothing for ${on} (404): it was deleted or renamed; the catalog catches up at the next sync.${said}`;
      break;
    case 409:
      message = `Kubernetes refused ${on} (409 ${status.reason ?? 'Conflict'}): it was changed or created meanwhile; run the action again.${said}`;
      break;
    case 422:
      message = `Kubernetes refused ${on} as invalid (422).${said}`;
      break;
    case 429:
      message = `Kubernetes is throttling the portal (429 on ${request}); try again in a minute.${said}`;
      break;
    default:
      message = e.code >= 500 ? `Cluster "${cluster}" failed on ${request} (${e.code}); try again later.${said}` : `Kubernetes answered ${e.code} on ${on}.${said}`;
  }
  return new KubernetesApiError(message, e.code, status.reason ?? null);
}
