/** The demo's customers, as the simulated Stripe and tenant service hold them. */
export interface SampleCustomer {
  id: string;
  name: string;
  email: string;
  plan: string;
  region: string;
  version: string;
  configuration: Record<string, unknown>;
  accountOwner: string;
}

export const SAMPLE_VERSIONS = ['2.4.0', '2.3.1', '2.3.0', '2.2.5'];

export const SAMPLE_CUSTOMERS: SampleCustomer[] = [
  { id: 'acme', name: 'Acme Corp', email: 'billing@acme.example', plan: 'enterprise', region: 'eu-west', version: '2.4.0', configuration: { seats: 400, ssoEnabled: true, dataRetentionDays: 365, supportTier: 'priority' }, accountOwner: 'alice' },
  { id: 'globex', name: 'Globex', email: 'ap@globex.example', plan: 'team', region: 'us-east', version: '2.3.1', configuration: { seats: 20, ssoEnabled: true, dataRetentionDays: 90, supportTier: 'standard' }, accountOwner: 'bob' },
  { id: 'initech', name: 'Initech', email: 'finance@initech.example', plan: 'team', region: 'us-east', version: '2.3.1', configuration: { seats: 12, ssoEnabled: false, dataRetentionDays: 90, supportTier: 'standard' }, accountOwner: 'alice' },
  { id: 'umbrella', name: 'Umbrella Labs', email: 'billing@umbrella.example', plan: 'starter', region: 'eu-west', version: '2.2.5', configuration: { seats: 5, ssoEnabled: false, dataRetentionDays: 30, supportTier: 'standard' }, accountOwner: 'carol' },
  { id: 'hooli', name: 'Hooli', email: 'ops@hooli.example', plan: 'starter', region: 'us-east', version: '2.3.0', configuration: { seats: 3, ssoEnabled: false, dataRetentionDays: 30, supportTier: 'standard' }, accountOwner: 'bob' },
  { id: 'stark', name: 'Stark Industries', email: 'ap@stark.example', plan: 'enterprise', region: 'us-east', version: '2.4.0', configuration: { seats: 250, ssoEnabled: true, dataRetentionDays: 730, supportTier: 'priority' }, accountOwner: 'carol' },
];
