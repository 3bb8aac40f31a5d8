/** Ids are lowercase words joined by `-` or `.`, so they read well in URLs, logs and error messages. */
const ID_PATTERN = /^[a-z][a-z0-9]*(?:[-.][a-z0-9]+)*$/;

export function validateId(what: string, id: unknown): string {
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    throw new TypeError(
      `Invalid ${what} id ${JSON.stringify(id)}: use lowercase letters, digits, '-' and '.', starting with a letter (for example "cicd" or "cicd.deployments").`,
    );
  }
  return id;
}
