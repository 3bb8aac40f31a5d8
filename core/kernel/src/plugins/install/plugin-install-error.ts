import { PorticoError } from '@portico/plugin-api';

/**
 * A refusal or failure of a plugin install, upgrade or removal: its message is the whole story
 * for the user (the CLI prints it; the admin API answers it as a problem with this status).
 */
export class PluginInstallError extends PorticoError {
  constructor(detail: string, status: 400 | 404 | 409 | 422 | 502 = 422) {
    const titles = { 400: 'Invalid input', 404: 'Not found', 409: 'Conflict', 422: 'Plugin refused', 502: 'Registry unavailable' } as const;
    super({ status, code: status === 502 ? 'registry-unavailable' : status === 404 ? 'not-found' : status === 409 ? 'conflict' : 'plugin-refused', title: titles[status], detail });
    this.name = 'PluginInstallError';
  }
}
