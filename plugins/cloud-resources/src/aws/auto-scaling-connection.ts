import type { SecretsService } from '@portico/plugin-api';
import type { AutoScalingConfig, CloudConfig } from '../config/cloud-config';
import { secretMissing } from '../config/secret-missing';
import type { AutoScalingApi } from './auto-scaling-api';
import { AutoScalingClientApi } from './auto-scaling-client';

/** The Auto Scaling API of one configured account/region, built on each use (keys are read when needed). */
export type AutoScalingConnection = (account: string) => Promise<AutoScalingApi>;

export function autoScalingConfig(config: CloudConfig, account: string): AutoScalingConfig {
  const found = config.autoScaling.find((a) => a.id === account);
  if (!found) throw new Error(`No AWS Auto Scaling account "${account}" is configured; the cloud plugin's autoScaling entries are: ${config.autoScaling.map((a) => a.id).join(', ') || 'none'}.`);
  return found;
}

export function createAutoScalingConnection(config: CloudConfig, secrets: SecretsService): AutoScalingConnection {
  return async (account) => {
    const settings = autoScalingConfig(config, account);
    let credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
    if (settings.accessKeyIdSecret || settings.secretAccessKeySecret) {
      const [accessKeyId, secretAccessKey] = await Promise.all([secrets.get(settings.accessKeyIdSecret ?? ''), secrets.get(settings.secretAccessKeySecret ?? '')]);
      if (!accessKeyId) throw new Error(secretMissing(`The AWS access key id of "${account}"`, settings.accessKeyIdSecret ?? 'aws-access-key-id'));
      if (!secretAccessKey) throw new Error(secretMissing(`The AWS secret access key of "${account}"`, settings.secretAccessKeySecret ?? 'aws-secret-access-key'));
      credentials = { accessKeyId, secretAccessKey };
    }
    return new AutoScalingClientApi({ account, region: settings.region, endpoint: settings.endpoint, credentials, maxAttempts: settings.maxAttempts });
  };
}
