import type { ActionDefinition } from '@portico/plugin-api';

/** An action as `GET /api/v1/actions` lists it (no handler), with the plugin that added it. */
export type ActionSummary = Omit<ActionDefinition, 'invocation'> & {
  pluginId?: string;
  /** Whether the caller may start it (the server checks the action's permission). */
  allowed?: boolean;
};
