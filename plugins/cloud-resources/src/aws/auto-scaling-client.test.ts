import { resolveCloudConfig } from '../config/cloud-config';
import { startAutoScalingFake, type AutoScalingFake } from '../testing/auto-scaling-fake';
import type { AutoScalingApi } from './auto-scaling-api';
import { createAutoScalingConnection } from './auto-scaling-connection';

let aws: AutoScalingFake;
let api: AutoScalingApi;

beforeAll(async () => {
  aws = await startAutoScalingFake({ pageSize: 3 });
  for (let i = 0; i < 3; i++) aws.addGroup({ name: `batch-${i}` });
  aws.addGroup({ name: 'cart-web', minSize: 2, maxSize: 6, desiredCapacity: 3, tags: { 'portico.io/component': 'cart-service' } });
  const config = resolveCloudConfig({ autoScaling: [{ id: 'prod', region: 'eu-west-1', endpoint: aws.url, accessKeyIdSecret: 'aws-key', secretAccessKeySecret: 'aws-secret', maxAttempts: 2 }] });
  api = await createAutoScalingConnection(config, { get: async (n) => ({ 'aws-key': aws.accessKeyId, 'aws-secret': aws.secretAccessKey })[n] })('prod');
});
afterAll(() => aws.close());
beforeEach(() => aws.reset());

describe('AutoScalingClientApi', () => {
  it('lists every group across pages of the Query API, with tags and instances', async () => {
    const groups = await api.listGroups();
    expect(groups.map((g) => g.name)).toEqual(['batch-0', 'batch-1', 'batch-2', 'cart-web']);
    expect(groups[3]).toMatchObject({ minSize: 2, maxSize: 6, desiredCapacity: 3, instances: 3, healthyInstances: 3, tags: { 'portico.io/component': 'cart-service' }, arn: expect.stringMatching(/^arn:aws:autoscaling:eu-west-1:/) });
    expect(aws.requests.map((r) => (r.body as { NextToken?: string }).NextToken)).toEqual([undefined, '3']);
    const sent = aws.requests[0];
    expect(sent.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(sent.body).toMatchObject({ Action: 'DescribeAutoScalingGroups', Version: '2011-01-01' });
    expect(aws.rejected).toEqual([]);
  });

  it('updates min, max and desired with one UpdateAutoScalingGroup', async () => {
    await api.updateGroup('cart-web', { minSize: 2, maxSize: 8, desiredCapacity: 5 });
    expect(aws.requests.at(-1)!.body).toMatchObject({ Action: 'UpdateAutoScalingGroup', AutoScalingGroupName: 'cart-web', MinSize: '2', MaxSize: '8', DesiredCapacity: '5' });
    expect(await api.getGroup('cart-web')).toMatchObject({ minSize: 2, maxSize: 8, desiredCapacity: 5 });
  });

  it("passes AWS's ValidationError on, and says to retry later when throttling outlasts the SDK's retries", async () => {
    await expect(api.updateGroup('cart-web', { desiredCapacity: 40 })).rejects.toThrow('AWS refused UpdateAutoScalingGroup cart-web in AWS account "prod" as invalid. AWS said: Desired capacity:40 must be between the specified min size:2 and max size:8');
    aws.throttle(2);
    await expect(api.listGroups()).rejects.toThrow(/AWS throttled DescribeAutoScalingGroups in AWS account "prod" and the retries ran out; try again in a minute. AWS said: Rate exceeded/);
    aws.throttle(1);
    expect(await api.getGroup('cart-web')).toMatchObject({ name: 'cart-web' });
  });

  it('names rejected credentials', async () => {
    const config = resolveCloudConfig({ autoScaling: [{ id: 'prod', region: 'eu-west-1', endpoint: aws.url, accessKeyIdSecret: 'k', secretAccessKeySecret: 's', maxAttempts: 1 }] });
    const other = await createAutoScalingConnection(config, { get: async () => 'AKIAOTHER' })('prod');
    await expect(other.listGroups()).rejects.toThrow(/AWS rejected the portal's credentials on DescribeAutoScalingGroups in AWS account "prod" \(InvalidClientTokenId\)/);
  });
});
