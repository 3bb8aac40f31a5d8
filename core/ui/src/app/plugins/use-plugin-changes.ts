import { usePortalEvent } from '../events/portal-events';

/**
 * Calls `onChange` whenever the portal adds, removes or upgrades a plugin while it runs
 * (the `plugins` event of `GET /api/v1/events`).
 */
export function usePluginChanges(onChange: () => void): void {
  usePortalEvent('plugins', () => onChange());
}
