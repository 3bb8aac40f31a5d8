import { randomUUID } from 'node:crypto';
import { startUpstreamFake, type UpstreamFake, type UpstreamReply } from '@portico/test-utils';

// EC2 Auto Scaling's Query API (version 2011-01-01) for tests: form-encoded POSTs naming an
// Action, XML answers, and the ErrorResponse document for errors, for exactly the two
// actions the plugin uses.

export interface FakeGroup {
  name: string;
  minSize: number;
  maxSize: number;
  desiredCapacity: number;
  tags: Record<string, string>;
}

export interface AutoScalingFake extends UpstreamFake {
  readonly groups: FakeGroup[];
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  addGroup(group: Partial<FakeGroup> & { name: string }): FakeGroup;
  /** The next `times` requests are answered AWS's `Throttling` error. */
  throttle(times: number): void;
}

const NS = 'http://autoscaling.amazonaws.com/doc/2011-01-01/';
const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function awsErrorXml(code: string, message: string): string {
  return `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${escape(message)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`;
}

const xml = (body: string, status = 200): UpstreamReply => ({ status, body, headers: { 'content-type': 'text/xml' } });

function groupXml(g: FakeGroup): string {
  const instances = Array.from({ length: g.desiredCapacity }, (_, i) => `<member><InstanceId>i-${g.name.length}${String(i).padStart(16, '0')}</InstanceId><InstanceType>t3.medium</InstanceType><AvailabilityZone>eu-west-1a</AvailabilityZone><LifecycleState>InService</LifecycleState><HealthStatus>Healthy</HealthStatus><ProtectedFromScaleIn>false</ProtectedFromScaleIn></member>`).join('');
  const tags = Object.entries(g.tags).map(([k, v]) => `<member><ResourceId>${escape(g.name)}</ResourceId><ResourceType>auto-scaling-group</ResourceType><Key>${escape(k)}</Key><Value>${escape(v)}</Value><PropagateAtLaunch>true</PropagateAtLaunch></member>`).join('');
  return `<member><AutoScalingGroupName>${escape(g.name)}</AutoScalingGroupName><AutoScalingGroupARN>arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:${randomUUID()}:autoScalingGroupName/${escape(g.name)}</AutoScalingGroupARN><MinSize>${g.minSize}</MinSize><MaxSize>${g.maxSize}</MaxSize><DesiredCapacity>${g.desiredCapacity}</DesiredCapacity><DefaultCooldown>300</DefaultCooldown><AvailabilityZones><member>eu-west-1a</member></AvailabilityZones><HealthCheckType>EC2</HealthCheckType><CreatedTime>2026-01-10T09:00:00.000Z</CreatedTime><Instances>${instances}</Instances><Tags>${tags}</Tags></member>`;
}

/** Starts the fake (`pageSize` caps MaxRecords, to make the client page); sign requests with `accessKeyId`/`secretAccessKey` (the key id is checked, not the signature). */
export async function startAutoScalingFake(options: { pageSize?: number } = {}): Promise<AutoScalingFake> {
  const groups: FakeGroup[] = [];
  const accessKeyId = 'AKIAFAKEFAKEFAKE0001';
  let throttled = 0;
  const fake = await startUpstreamFake({
    name: 'AWS Auto Scaling',
    authenticate: (req) => {
      if (!req.headers.authorization?.startsWith(`AWS4-HMAC-SHA256 Credential=${accessKeyId}/`)) return xml(awsErrorXml('InvalidClientTokenId', 'The security token included in the request is invalid.'), 403);
      if (throttled > 0) {
        throttled -= 1;
        return xml(awsErrorXml('Throttling', 'Rate exceeded'), 400);
      }
      return undefined;
    },
    errorBody: (_status, message) => awsErrorXml('ValidationError', message),
    routes: [
      {
        route: 'POST /',
        request: {
          headers: { type: 'object', required: ['content-type'], properties: { 'content-type': { type: 'string', pattern: '^application/x-www-form-urlencoded' } } },
          body: { type: 'object', required: ['Action', 'Version'], properties: { Action: { enum: ['DescribeAutoScalingGroups', 'UpdateAutoScalingGroup'] }, Version: { const: '2011-01-01' } } },
        },
        handle: (req) => {
          const body = req.body as Record<string, string>;
          const id = randomUUID();
          if (body.Action === 'DescribeAutoScalingGroups') {
            const names = Object.entries(body).filter(([k]) => k.startsWith('AutoScalingGroupNames.member.')).map(([, v]) => v);
            const all = names.length ? groups.filter((g) => names.includes(g.name)) : groups;
            const max = Math.min(Number(body.MaxRecords ?? 50), options.pageSize ?? 100);
            const start = Number(body.NextToken ?? 0);
            const page = all.slice(start, start + max);
            const next = start + max < all.length ? `<NextToken>${start + max}</NextToken>` : '';
            return xml(`<DescribeAutoScalingGroupsResponse xmlns="${NS}"><DescribeAutoScalingGroupsResult><AutoScalingGroups>${page.map(groupXml).join('')}</AutoScalingGroups>${next}</DescribeAutoScalingGroupsResult><ResponseMetadata><RequestId>${id}</RequestId></ResponseMetadata></DescribeAutoScalingGroupsResponse>`);
          }
          const group = groups.find((g) => g.name === body.AutoScalingGroupName);
          if (!group) return xml(awsErrorXml('ValidationError', `AutoScalingGroup name not found - null`), 400);
          const next = { minSize: Number(body.MinSize ?? group.minSize), maxSize: Number(body.MaxSize ?? group.maxSize), desiredCapacity: Number(body.DesiredCapacity ?? group.desiredCapacity) };
          if (next.desiredCapacity < next.minSize || next.desiredCapacity > next.maxSize) return xml(awsErrorXml('ValidationError', `Desired capacity:${next.desiredCapacity} must be between the specified min size:${next.minSize} and max size:${next.maxSize}`), 400);
          Object.assign(group, next);
          return xml(`<UpdateAutoScalingGroupResponse xmlns="${NS}"><ResponseMetadata><RequestId>${id}</RequestId></ResponseMetadata></UpdateAutoScalingGroupResponse>`);
        },
      },
    ],
  });
  return Object.assign(fake, {
    groups,
    accessKeyId,
    secretAccessKey: 'fake/secret/access/key/for/tests/000000',
    addGroup: (g: Partial<FakeGroup> & { name: string }) => {
      const group = { minSize: 1, maxSize: 4, desiredCapacity: 2, tags: {}, ...g };
      groups.push(group);
      return group;
    },
    throttle: (times: number) => void (throttled = times),
  });
}
