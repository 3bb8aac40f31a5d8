import type { SecretsService } from '@portico/plugin-api';
import type { CloudConfig } from '../config/cloud-config';
import { secretMissing } from '../config/secret-missing';
import type { TerraformApi } from './terraform-api';
import { TerraformClient } from './terraform-client';

/** The Terraform API, built on each use (the token is read when needed). */
export type TerraformConnection = () => Promise<TerraformApi>;

export function createTerraformConnection(config: CloudConfig, secrets: SecretsService): TerraformConnection {
  return async () => {
    const tf = config.terraform;
    if (!tf) throw new Error('Terraform is not configured: set the cloud plugin\'s "terraform" (organization, and baseUrl for Terraform Enterprise) to provision resources.');
    const token = await secrets.get(tf.tokenSecret);
    if (!token) throw new Error(secretMissing('The Terraform API token', tf.tokenSecret));
    return new TerraformClient({ baseUrl: tf.baseUrl, organization: tf.organization, token });
  };
}
