import type { CloudConfig } from '../config/cloud-config';

/** What the demo runs with when nothing is configured: one cluster, one AWS account, Terraform and four resource types. */
export function applySimulatedDefaults(config: CloudConfig): void {
  if (config.clusters.length === 0) config.clusters = [{ id: 'demo', title: 'Demo cluster', auth: 'token', provider: 'simulated', region: 'eu-west-1', excludeNamespaces: ['kube-system'] }];
  if (config.autoScaling.length === 0) config.autoScaling = [{ id: 'demo', region: 'eu-west-1', componentTag: 'portico.io/component', maxAttempts: 1 }];
  config.terraform ??= { baseUrl: 'https://app.terraform.io', organization: 'example-org', tokenSecret: 'terraform-token', workspacePrefix: 'portico-', pollMs: 300, runTimeoutMs: 60_000 };
  if (config.resourceTypes.length === 0) {
    const base = { provider: 'aws', roles: ['read', 'write'], accessVariable: 'access_grants' };
    config.resourceTypes = [
      { ...base, type: 'bucket', title: 'Bucket', module: { repository: 'example-org/terraform-aws-bucket' }, variables: { type: 'object', additionalProperties: false, properties: { versioning: { type: 'boolean', title: 'Versioning', default: true }, retention_days: { type: 'integer', title: 'Keep objects for (days)', minimum: 1, maximum: 3650, default: 365 } } } },
      { ...base, type: 'database', title: 'PostgreSQL database', module: { repository: 'example-org/terraform-aws-rds' }, variables: { type: 'object', additionalProperties: false, required: ['size'], properties: { size: { type: 'string', title: 'Size', enum: ['small', 'medium', 'large'], default: 'small' }, version: { type: 'string', title: 'PostgreSQL version', enum: ['16', '17'], default: '17' } } } },
      { ...base, type: 'cache', title: 'Redis cache', module: { repository: 'example-org/terraform-aws-elasticache' }, variables: { type: 'object', additionalProperties: false, properties: { nodes: { type: 'integer', title: 'Nodes', minimum: 1, maximum: 6, default: 1 } } } },
      { ...base, type: 'queue', title: 'Queue', module: { repository: 'example-org/terraform-aws-sqs' }, variables: { type: 'object', additionalProperties: false, properties: { fifo: { type: 'boolean', title: 'FIFO', default: false } } } },
    ];
  }
  config.environments.cluster = config.clusters[0].id;
  if (config.environments.services.length === 0) {
    config.environments.services = [
      { component: 'cart-service', image: 'registry.example.com/cart-service:1.42.0', port: 8080 },
      { component: 'products-service', image: 'registry.example.com/products-service:3.1.4', port: 8080 },
    ];
  }
  config.environments.jobPollMs = Math.min(config.environments.jobPollMs, 500);
  if (config.iacModules.length === 0) {
    config.iacModules = [
      { id: 's3-bucket', title: 'S3 bucket', source: 'app.terraform.io/example-org/s3-bucket/aws', version: '~> 2.0', directory: 'terraform/{name}' },
      { id: 'rds-postgres', title: 'RDS PostgreSQL', source: 'app.terraform.io/example-org/rds-postgres/aws', version: '~> 5.1', directory: 'terraform/{name}' },
    ];
  }
}
