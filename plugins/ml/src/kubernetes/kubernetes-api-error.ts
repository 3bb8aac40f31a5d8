/**
 * A Kubernetes answer other than 2xx (or none), as one sentence a developer can act on: it names
 * the cluster, the request, Kubernetes' own message (its `Status` body) and what to check.
 * @public
 */
export class KubernetesApiError extends Error {
  readonly status: number | null;

  constructor(message: string, status: number | null) {
    super(message);
    this.name = 'KubernetesApiError';
    this.status = status;
  }
}

const WHAT_TO_DO: Record<number, string> = {
  401: "the cluster rejected the portal's credentials: check its token or kubeconfig",
  403: "the portal's service account lacks the RBAC permission this needs (batch jobs, serving.kserve.io inferenceservices)",
  404: 'it does not exist (is KServe installed, and the namespace there?)',
  409: 'it exists already or was changed meanwhile; run the action again',
  422: 'Kubernetes found the object invalid',
  429: 'Kubernetes is throttling the portal; try again in a minute',
};

/** Builds the error from what @kubernetes/client-node threw (an ApiException with the Status body, or a network error). */
export function toKubernetesApiError(cluster: string, request: string, error: unknown): KubernetesApiError {
  if (error instanceof KubernetesApiError) return error;
  const e = error as { code?: unknown; body?: unknown; message?: string; cause?: { code?: string } };
  if (typeof e.code !== 'number') return new KubernetesApiError(`Cluster "${cluster}" could not be reached for ${request} (${e.cause?.code ?? e.message ?? String(error)}): check its API server address and the network.`, null);
  let body: { message?: string; reason?: string } = {};
  try {
    body = typeof e.body === 'string' ? JSON.parse(e.body) : ((e.body as typeof body) ?? {});
  } catch {
    body = { message: String(e.body) };
  }
  const todo = WHAT_TO_DO[e.code] ?? (e.code >= 500 ? 'the cluster failed; try again later' : 'see its message');
  return new KubernetesApiError(`Kubernetes refused ${request} on cluster "${cluster}" (${e.code}${body.reason ? ` ${body.reason}` : ''}): ${todo}.${body.message ? ` Kubernetes said: ${body.message}` : ''}`, e.code);
}
