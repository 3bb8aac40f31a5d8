/**
 * A GitHub REST answer other than 2xx, turned into one sentence a developer can act on.
 * Action runs fail with this message, so it names the request, GitHub's own message and,
 * for rate limits, when to try again.
 * @public
 */
export class GitHubApiError extends Error {
  readonly status: number;
  readonly request: string;
  readonly githubMessage: string;
  /** When the rate limit resets (rate-limit errors only). */
  readonly rateLimitResetAt: Date | null;

  constructor(options: { status: number; request: string; message: string; githubMessage: string; rateLimitResetAt?: Date | null }) {
    super(options.message);
    this.name = 'GitHubApiError';
    this.status = options.status;
    this.request = options.request;
    this.githubMessage = options.githubMessage;
    this.rateLimitResetAt = options.rateLimitResetAt ?? null;
  }
}

interface GitHubErrorBody {
  message?: string;
  documentation_url?: string;
  errors?: Array<string | { resource?: string; field?: string; code?: string; message?: string }>;
}

function describeValidationErrors(errors: GitHubErrorBody['errors']): string {
  if (!errors || errors.length === 0) return '';
  const parts = errors.map((e) => {
    if (typeof e === 'string') return e;
    if (e.message) return e.message;
    return [e.resource, e.field, e.code].filter(Boolean).join(' ');
  });
  return `: ${parts.join('; ')}`;
}

/** Builds the error for a non-2xx answer from its status, headers and body. */
export function toGitHubApiError(request: string, status: number, headers: Headers, bodyText: string): GitHubApiError {
  let body: GitHubErrorBody = {};
  try {
    body = bodyText ? (JSON.parse(bodyText) as GitHubErrorBody) : {};
  } catch {
    body = { message: bodyText.slice(0, 200) };
  }
  const githubMessage = body.message ?? '';
  const remaining = headers.get('x-ratelimit-remaining');
  const reset = headers.get('x-ratelimit-reset');
  const retryAfter = headers.get('retry-after');
  if ((status === 403 || status === 429) && (remaining === '0' || retryAfter !== null)) {
    // Primary limit: x-ratelimit-remaining is 0 and x-ratelimit-reset is epoch seconds.
    // Secondary limit: retry-after says how many seconds to wait.
    const resetAt = remaining === '0' && reset ? new Date(Number(reset) * 1000) : new Date(Date.now() + Number(retryAfter ?? 60) * 1000);
    const kind = remaining === '0' ? 'rate limit is exhausted' : 'secondary rate limit was hit';
    return new GitHubApiError({
      status,
      request,
      githubMessage,
      rateLimitResetAt: resetAt,
      message: `GitHub ${kind} (${status} on ${request}); try again after ${resetAt.toISOString()}.${githubMessage ? ` GitHub said: ${githubMessage}` : ''}`,
    });
  }
  let message: string;
  switch (status) {
    case 401:
      message = `GitHub rejected the token (401 ${githubMessage || 'Bad credentials'} on ${request}): check the configured GitHub token secret.`;
      break;
    case 403:
      message = `GitHub refused ${request} (403 ${githubMessage || 'Forbidden'}): the token lacks the permission this needs.`;
      break;
    case 404:
      message = `GitHub found nothing at ${request} (404 ${githubMessage || 'Not Found'}): the repository, workflow or item does not exist, or the token cannot see it.`;
      break;
    case 409:
      message = `GitHub reported a conflict on ${request} (409 ${githubMessage || 'Conflict'}).`;
      break;
    case 422:
      message = `GitHub could not process ${request} (422 ${githubMessage || 'Unprocessable Entity'}${describeValidationErrors(body.errors)}).`;
      break;
    default:
      message = `GitHub answered ${status} to ${request}${githubMessage ? `: ${githubMessage}` : ''}.`;
  }
  return new GitHubApiError({ status, request, githubMessage, message });
}
