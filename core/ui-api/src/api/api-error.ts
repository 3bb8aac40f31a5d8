/**
 * A problem+json answer from the portal API, thrown by `apiFetch` for every non-2xx status.
 * @alpha
 */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  /** The whole problem document, e.g. its `errors` list of field problems. */
  readonly problem: Record<string, unknown>;

  constructor(status: number, problem: Record<string, unknown>) {
    const title = typeof problem.title === 'string' ? problem.title : `HTTP ${status}`;
    const detail = typeof problem.detail === 'string' ? problem.detail : undefined;
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.problem = problem;
  }

  /** Field problems in the shape `core/http` renders (`errors: [{ path|field, message }]`). */
  get fieldProblems(): Array<{ path: string; message: string }> {
    const list = this.problem.errors;
    if (!Array.isArray(list)) return [];
    return list.map((item: Record<string, unknown>) => ({
      path: String(item.path ?? item.field ?? item.pointer ?? item.instancePath ?? ''),
      message: String(item.message ?? item.detail ?? ''),
    }));
  }
}
