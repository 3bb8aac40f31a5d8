import type { SecretsService } from '@portico/plugin-api';
import type { AccountConfig, OncallConfig } from '../config/oncall-config';
import type { PagerDutyApi } from './pagerduty-api';
import { PagerDutyClient } from './pagerduty-client';

/** The PagerDuty API of one configured account, built on first use (the token is read when needed). */
export type PagerDutyConnection = (account: string) => Promise<PagerDutyApi>;

export function accountConfig(config: OncallConfig, account: string): AccountConfig {
  const found = config.accounts.find((a) => a.id === account);
  if (!found) throw new Error(`No PagerDuty account "${account}" is configured; the on-call plugin's accounts are: ${config.accounts.map((a) => a.id).join(', ')}.`);
  return found;
}

export function createPagerDutyConnection(config: OncallConfig, secrets: SecretsService): PagerDutyConnection {
  return async (account) => {
    const settings = accountConfig(config, account);
    const token = await secrets.get(settings.tokenSecret);
    if (!token) throw new Error(`The PagerDuty API key for account "${account}" is missing: set the secret "${settings.tokenSecret}" (PORTICO_SECRET_${settings.tokenSecret.toUpperCase().replace(/[^A-Z0-9]/g, '_')} or the config's secrets).`);
    return new PagerDutyClient({ baseUrl: settings.baseUrl, eventsUrl: settings.eventsUrl, token, rateLimitRetryMs: config.rateLimitRetryMs });
  };
}
