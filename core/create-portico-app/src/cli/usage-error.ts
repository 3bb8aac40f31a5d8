/** A mistake in the command line or an answer: printed with the usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
