/**
 * A Terraform API answer other than 2xx, as one sentence a developer can act on.
 * @public
 */
export class TerraformApiError extends Error {
  readonly status: number | null;

  constructor(message: string, status: number | null) {
    super(message);
    this.name = 'TerraformApiError';
    this.status = status;
  }
}

interface JsonApiErrors {
  errors?: Array<{ status?: string; title?: string; detail?: string; source?: { pointer?: string } }>;
}

/** From a JSON:API `errors` document: each error's title, detail and pointer. */
export function toTerraformApiError(request: string, status: number, body: unknown): TerraformApiError {
  const errors = (body && typeof body === 'object' ? (body as JsonApiErrors).errors : undefined) ?? [];
  const said = errors.map((e) => [e.title, e.detail, e.source?.pointer ? `at ${e.source.pointer}` : undefined].filter(Boolean).join(': ')).join('; ');
  const tail = said ? ` Terraform said: ${said}` : '';
  let message: string;
  switch (status) {
    case 401:
      message = `Terraform rejected the API token (401 on ${request}): check the secret the cloud plugin's terraform.tokenSecret names.${tail}`;
      break;
    case 404:
      message = `Terraform found nothing at ${request} (404): the organization, workspace or run does not exist, or the token cannot see it.${tail}`;
      break;
    case 409:
      message = `Terraform refused ${request} (409): the workspace is locked or the run can no longer do that.${tail}`;
      break;
    case 422:
      message = `Terraform refused ${request} as invalid (422).${tail}`;
      break;
    case 429:
      message = `Terraform's rate limit was hit on ${request} (429); try again in a minute.${tail}`;
      break;
    default:
      message = status >= 500 ? `Terraform failed on ${request} (${status}); try again later.${tail}` : `Terraform answered ${status} on ${request}.${tail}`;
  }
  return new TerraformApiError(message, status);
}
