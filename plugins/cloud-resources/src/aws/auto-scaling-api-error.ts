/**
 * An AWS Auto Scaling error as one sentence a developer can act on.
 * @public
 */
export class AutoScalingApiError extends Error {
  readonly code: string | null;
  readonly status: number | null;

  constructor(message: string, code: string | null, status: number | null) {
    super(message);
    this.name = 'AutoScalingApiError';
    this.code = code;
    this.status = status;
  }
}

/** Builds it from what the SDK threw: a ServiceException (`name` is AWS's error code) or a network error. */
export function toAutoScalingApiError(account: string, request: string, error: unknown): AutoScalingApiError {
  const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number }; $fault?: string; code?: string };
  const status = e.$metadata?.httpStatusCode ?? null;
  const code = e.name ?? null;
  const said = e.message ? ` AWS said: ${e.message}` : '';
  const where = `${request} in AWS account "${account}"`;
  if (status === null) return new AutoScalingApiError(`AWS Auto Scaling could not be reached for ${where} (${e.code ?? e.message ?? String(error)}): check the endpoint, region and network.`, code, null);
  let message: string;
  switch (code) {
    case 'Throttling':
    case 'ThrottlingException':
    case 'RequestLimitExceeded':
      message = `AWS throttled ${where} and the retries ran out; try again in a minute.${said}`;
      break;
    case 'ValidationError':
      message = `AWS refused ${where} as invalid.${said}`;
      break;
    case 'ScalingActivityInProgress':
    case 'ResourceContention':
    case 'ResourceContentionFault':
      message = `AWS refused ${where}: the group is busy with another scaling activity; try again when it ends.${said}`;
      break;
    case 'AccessDenied':
    case 'AccessDeniedException':
    case 'UnauthorizedOperation':
      message = `AWS refused ${where} (${code}): the portal's credentials lack the IAM permission this needs.${said}`;
      break;
    case 'InvalidClientTokenId':
    case 'SignatureDoesNotMatch':
    case 'ExpiredToken':
      message = `AWS rejected the portal's credentials on ${where} (${code}): check the access key secrets or the role.${said}`;
      break;
    default:
      message = status >= 500 ? `AWS Auto Scaling failed on ${where} (${status}); try again later.${said}` : `AWS answered ${status} ${code ?? ''} on ${where}.${said}`;
  }
  return new AutoScalingApiError(message, code, status);
}
