/** A refusal or failure of a `portico plugin` command: its message is the whole story for the user. */
export class PluginCommandError extends Error {
  override name = 'PluginCommandError';
}
