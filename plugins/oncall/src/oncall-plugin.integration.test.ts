import { join } from 'node:path';
import { deliverWebhook, eventually, startTestPortal, type TestPortal } from '@portico/test-utils';
import { FAKE_TOKEN, incidentWebhook, pagerDutySignature, startPagerDutyFake, type PagerDutyFake } from './testing/pagerduty-fake';

// A real portal on real Redis with the software catalog, the on-call plugin and a plugin of
// runbook steps, talking to a PagerDuty-shaped fake: ingestion, paging, webhooks, PagerDuty's
// errors, and runbooks running other plugins' actions as child runs.

jest.setTimeout(60_000);
const pluginsDir = join(__dirname, '..', '..');
const WEBHOOK_SECRET = 'pd-webhook-secret-for-tests';
const ROUTING_KEY = 'R0UT1NGK3Y0F7HECAR7SERV1CE000001';
const HOUR = 3600 * 1000;

let pd: PagerDutyFake;
let portal: TestPortal;

const webhookUrl = (): string => `${portal.url}/api/v1/plugins/oncall/webhooks/default`;
const sign = (raw: string) => pagerDutySignature(WEBHOOK_SECRET, raw);

async function createRunbook(id: string, steps: unknown[], extra: Record<string, unknown> = {}): Promise<void> {
  const res = await portal.api('PUT', `/kinds/runbook/entities/${id}`, { kind: 'runbook', id, title: `Runbook ${id}`, owner: 'checkout-team', properties: { steps, ...extra }, relations: { components: ['cart-service'] } }, { as: 'admin' });
  expect({ status: res.status, body: res.body }).toMatchObject({ status: expect.any(Number) });
  if (res.status >= 300) throw new Error(`runbook ${id}: ${res.status} ${JSON.stringify(res.body)}`);
}

beforeAll(async () => {
  pd = await startPagerDutyFake();
  const alice = pd.addUser('PALICE1', 'Alice Martin', 'alice@example.com');
  const bob = pd.addUser('PBOB001', 'Bob Chen', 'bob@example.com');
  pd.addUser('POPS001', 'Ops Bot', 'ops@example.com');
  pd.addPolicyWithSchedule('PEP0001', 'PSCH001', 'Checkout on-call', alice, bob, new Date(Date.now() + 3 * HOUR).toISOString());
  pd.addService('PCART01', 'Cart service', 'PEP0001');
  pd.addService('PLEG001', 'Legacy service', 'PEP0001');
  pd.addIncident('PCART01', 'Disk filling up on cart-db');
  // Services of the same policy tied to no Component: listed on the policy, linked to nothing.
  for (let i = 0; i < 30; i++) pd.addService(`PX${String(i).padStart(5, '0')}`, `Other ${i}`, 'PEP0001');

  portal = await startTestPortal({
    store: 'redis',
    plugins: [
      { path: join(pluginsDir, 'software-catalog'), config: { sampleData: true } },
      {
        path: join(pluginsDir, 'oncall'),
        config: {
          accounts: [
            { id: 'default', baseUrl: pd.rest.url, eventsUrl: pd.events.url, from: 'ops@example.com' },
            // An account PagerDuty cannot be reached for: it must not stop the default one.
            { id: 'acquired', baseUrl: 'http://127.0.0.1:9', eventsUrl: 'http://127.0.0.1:9', tokenSecret: 'pagerduty-token' },
          ],
          services: [{ serviceId: 'PCART01', component: 'cart-service', routingKeySecret: 'cart-routing-key' }],
          syncIntervalMs: 1000,
          onCallRefreshMs: 1000,
          rateLimitRetryMs: 10,
          runbookApprovers: { teams: ['checkout-team'] },
        },
      },
      { path: join(__dirname, '__fixtures__', 'runbook-steps') },
    ],
    secrets: { 'pagerduty-token': FAKE_TOKEN, 'pagerduty-webhook-secret': WEBHOOK_SECRET, 'cart-routing-key': ROUTING_KEY },
    users: {
      alice: { roles: ['developer'], permissions: ['oncall.*', 'steps.scale'] },
      bob: { roles: ['developer'], teams: ['checkout-team'] },
      carol: { roles: ['developer'] },
      dave: { roles: ['developer'], permissions: ['oncall.runbook.run'] },
      admin: { roles: ['admin'] },
    },
  });
});

afterAll(async () => {
  await portal?.close();
  await pd?.close();
});

test('ingestion shows who is on call for cart-service now and next, and its open incident; a failing account stops nothing', async () => {
  const policy = await portal.waitForEntity('escalation-policy', 'pep0001', { as: 'alice' });
  expect(policy.relations.components).toContain('cart-service');
  expect(policy.properties.services).toHaveLength(32);
  expect(policy.properties.services[0]).toEqual({ id: 'PCART01', name: 'Cart service', url: 'https://example.pagerduty.com/service-directory/PCART01', status: 'active', component: 'cart-service' });
  expect(policy.properties.onCall).toEqual([expect.objectContaining({ level: 1, name: 'Alice Martin', email: 'alice@example.com', scheduleId: 'PSCH001' })]);
  expect(policy.properties.nextOnCall).toEqual([expect.objectContaining({ level: 1, name: 'Bob Chen' })]);
  const schedule = await portal.entity('schedule', 'psch001', 'alice');
  expect(schedule.properties.onCall.name).toBe('Alice Martin');
  expect(schedule.properties.nextOnCall.name).toBe('Bob Chen');
  const incident = await portal.waitForEntity('incident', 'q000001', { as: 'alice' });
  expect(incident).toMatchObject({ title: 'Disk filling up on cart-db', properties: { status: 'triggered', urgency: 'high', serviceId: 'PCART01' }, relations: { component: 'cart-service' } });
  expect(incident.properties.timeline.map((e: { summary: string }) => e.summary)).toContain('Triggered through the API');

  const restCalls = pd.rest.requests.filter((r) => r.route === 'GET /oncalls');
  expect(restCalls[0].headers).toMatchObject({ authorization: `Token token=${FAKE_TOKEN}`, accept: 'application/vnd.pagerduty+json;version=2' });
  expect(pd.rest.rejected).toEqual([]);
  expect(portal.logs.some((l) => l.level === 'error' && l.message.includes('account "acquired" failed'))).toBe(true);
});

test('the on-call refresh follows a hand-over: when Alice\'s shift ends, Bob is on call now', async () => {
  const alicesShift = pd.oncalls.find((o) => o.user.id === 'PALICE1' && o.escalation_policy.id === 'PEP0001')!;
  const bobsShift = pd.oncalls.find((o) => o.user.id === 'PBOB001' && o.escalation_policy.id === 'PEP0001')!;
  const handOver = new Date(Date.now() - 60_000).toISOString();
  const [aliceEnd, bobStart] = [alicesShift.end, bobsShift.start];
  alicesShift.end = handOver;
  bobsShift.start = handOver;
  try {
    const policy = await eventually(async () => {
      const p = await portal.entity('escalation-policy', 'pep0001', 'alice');
      return p.properties.onCall[0]?.name === 'Bob Chen' ? p : null;
    }, 'Bob to be on call');
    expect(policy.properties.onCall).toHaveLength(1);
    expect((await portal.entity('schedule', 'psch001', 'alice')).properties.onCall.name).toBe('Bob Chen');
  } finally {
    alicesShift.end = aliceEnd;
    bobsShift.start = bobStart;
  }
  await eventually(async () => ((await portal.entity('escalation-policy', 'pep0001', 'alice')).properties.onCall[0]?.name === 'Alice Martin' ? true : null), 'Alice to be back');
});

test('a Component is also tied to its service by the Backstage annotation pagerduty.com/service-id', async () => {
  const res = await portal.api('PUT', '/kinds/component/entities/legacy-service', { kind: 'component', id: 'legacy-service', title: 'Legacy service', owner: 'checkout-team', properties: { type: 'service', lifecycle: 'production', annotations: { 'pagerduty.com/service-id': 'PLEG001' } } }, { as: 'admin' });
  expect(res.status).toBeLessThan(300);
  await eventually(async () => ((await portal.entity('escalation-policy', 'pep0001', 'alice')).relations.components.includes('legacy-service') ? true : null), 'the policy to page for legacy-service');
});

test('paging creates an incident that a signed webhook then acknowledges; a bad signature is refused and changes nothing', async () => {
  const run = await portal.runAction('oncall.page', { entity: { kind: 'component', id: 'cart-service' }, inputs: { title: 'Checkout errors at 5%', urgency: 'high', details: 'Since the 14:00 deploy' }, as: 'alice' });
  expect(run.status).toBe('succeeded');
  const created = pd.rest.requestsTo('POST /incidents').at(-1)!;
  expect(created.headers.from).toBe('alice@example.com');
  expect(created.body).toMatchObject({ incident: { type: 'incident', title: 'Checkout errors at 5%', service: { id: 'PCART01', type: 'service_reference' }, urgency: 'high', incident_key: `portico-${run.id}` } });
  const incidentId = String(run.outputs.incident);
  expect(run.links).toEqual([expect.objectContaining({ title: expect.stringMatching(/^PagerDuty incident #\d+$/) })]);
  const stored = await portal.entity('incident', incidentId, 'alice');
  expect(stored).toMatchObject({ properties: { status: 'triggered', assignees: [{ name: 'Alice Martin' }] }, relations: { component: 'cart-service', escalationPolicy: 'pep0001' } });

  const pdIncident = pd.incidents.find((i) => i.id === stored.properties.pagerdutyId)!;
  pdIncident.status = 'acknowledged';
  const forged = await deliverWebhook(webhookUrl(), incidentWebhook('incident.acknowledged', pdIncident), () => ({ 'x-pagerduty-signature': 'v1=0000' }));
  expect(forged.status).toBe(401);
  expect((await portal.entity('incident', incidentId, 'alice')).properties.status).toBe('triggered');

  const delivered = await deliverWebhook(webhookUrl(), incidentWebhook('incident.acknowledged', pdIncident, 'Alice Martin'), sign);
  expect(delivered).toMatchObject({ status: 200, body: { id: incidentId, status: 'acknowledged' } });
  const acknowledged = await portal.entity('incident', incidentId, 'alice');
  expect(acknowledged.properties.status).toBe('acknowledged');
  expect(acknowledged.properties.acknowledgedAt).toEqual(expect.any(String));
  expect(acknowledged.properties.timeline.map((e: { summary: string }) => e.summary)).toEqual(expect.arrayContaining([`Paged from Portico by user:alice`, 'Acknowledged by Alice Martin']));

  // A delivery that arrives late (PagerDuty retries) never turns the incident back.
  const late = incidentWebhook('incident.triggered', { ...pdIncident, status: 'triggered' }) as { event: { occurred_at: string } };
  late.event.occurred_at = new Date(Date.now() - HOUR).toISOString();
  expect((await deliverWebhook(webhookUrl(), late, sign)).status).toBe(200);
  expect((await portal.entity('incident', incidentId, 'alice')).properties.status).toBe('acknowledged');

  const badBody = await deliverWebhook(webhookUrl(), { event: { event_type: 'incident.resolved', resource_type: 'incident', data: { id: 'Q1' } } }, sign);
  expect(badBody.status).toBe(400);
  expect(JSON.stringify(badBody.body)).toContain('status');
});

test('resolve needs a note and sends it first; reassign finds the user by email; take a shift; escalation PagerDuty refuses fails the run', async () => {
  const incident = 'q000001';
  const refused = await portal.api('POST', '/actions/oncall.resolve/runs', { entity: { kind: 'incident', id: incident }, inputs: {} }, { as: 'alice' });
  expect(refused.status).toBe(400);

  const reassigned = await portal.runAction('oncall.reassign', { entity: { kind: 'incident', id: incident }, inputs: { assigneeEmail: 'bob@example.com' }, as: 'alice' });
  expect(reassigned.status).toBe('succeeded');
  expect((await portal.entity('incident', incident, 'alice')).properties.assignees).toEqual([{ id: 'PBOB001', name: 'Bob Chen' }]);

  const nobody = await portal.runAction('oncall.reassign', { entity: { kind: 'incident', id: incident }, inputs: { assigneeEmail: 'nobody@example.com' }, as: 'alice' });
  expect(nobody).toMatchObject({ status: 'failed', error: expect.stringContaining('No PagerDuty user has the email nobody@example.com') });

  const escalated = await portal.runAction('oncall.escalate', { entity: { kind: 'incident', id: incident }, inputs: { level: 3 }, as: 'alice' });
  expect(escalated).toMatchObject({ status: 'failed', error: expect.stringContaining('Escalation level 3 does not exist') });

  const resolved = await portal.runAction('oncall.resolve', { entity: { kind: 'incident', id: incident }, inputs: { note: 'Rotated the logs' }, as: 'alice' });
  expect(resolved.status).toBe('succeeded');
  const calls = pd.rest.requests.filter((r) => r.path === '/incidents/Q000001/notes' || (r.path === '/incidents/Q000001' && r.method === 'PUT'));
  expect(calls.slice(-2).map((r) => r.route)).toEqual(['POST /incidents/:id/notes', 'PUT /incidents/:id']);
  expect((await portal.entity('incident', incident, 'alice')).properties.status).toBe('resolved');

  const start = new Date(Date.now() + 24 * HOUR).toISOString();
  const end = new Date(Date.now() + 36 * HOUR).toISOString();
  const shift = await portal.runAction('oncall.take-shift', { entity: { kind: 'schedule', id: 'psch001' }, inputs: { start, end }, as: 'alice' });
  expect(shift.status).toBe('succeeded');
  expect(pd.rest.requestsTo('POST /schedules/:id/overrides').at(-1)!.body).toEqual({ overrides: [{ start, end, user: { id: 'PALICE1', type: 'user_reference' } }] });
  const backwards = await portal.runAction('oncall.take-shift', { entity: { kind: 'schedule', id: 'psch001' }, inputs: { start: end, end: start }, as: 'alice' });
  expect(backwards).toMatchObject({ status: 'failed', error: expect.stringContaining('must end after it starts') });

  const forbidden = await portal.api('POST', '/actions/oncall.take-shift/runs', { entity: { kind: 'schedule', id: 'psch001' }, inputs: { start, end } }, { as: 'carol' });
  expect(forbidden.status).toBe(403);
});

test("PagerDuty's 401, 403, 404 and 429 become clear run failures; a 429 that clears is retried", async () => {
  const page = (title: string) => portal.runAction('oncall.page', { entity: { kind: 'component', id: 'cart-service' }, inputs: { title, urgency: 'low' }, as: 'alice' });
  pd.rest.failNext('POST /incidents', { status: 401, body: { error: { message: 'Unauthorized', code: 2006, errors: [] } } });
  expect((await page('unauthorised')).error).toContain('PagerDuty rejected the API key (401 on POST /incidents)');
  pd.rest.failNext('POST /incidents', { status: 403, body: { error: { message: 'Access Denied', code: 2010, errors: ['The From user cannot create incidents'] } } });
  expect((await page('forbidden')).error).toBe('PagerDuty refused POST /incidents (403): the API key or the From user lacks the permission this needs. PagerDuty said: Access Denied; The From user cannot create incidents');
  pd.rest.rateLimit('POST /incidents', { times: 10 });
  const limited = await page('rate limited');
  expect(limited.error).toContain("PagerDuty's rate limit was hit on POST /incidents (429) and the retries ran out");
  pd.rest.reset();
  pd.rest.rateLimit('POST /incidents', { times: 2 });
  expect((await page('rate limited once')).status).toBe('succeeded');
  expect(pd.rest.requestsTo('POST /incidents')).toHaveLength(3);

  const unknown = await portal.runAction('oncall.page', { entity: { kind: 'component', id: 'products-service' }, inputs: { title: 'no service', urgency: 'high' }, as: 'alice' });
  expect(unknown).toMatchObject({ status: 'failed', error: expect.stringContaining('products-service is tied to no PagerDuty service') });

  pd.rest.failNext('PUT /incidents/:id', { status: 404, body: { error: { message: 'Not Found', code: 2100, errors: ['Incident not found'] } } });
  const open = await portal.query({ kind: 'incident', filter: { combinator: 'and', rules: [{ property: 'status', operator: '=', value: 'triggered' }] } }, 'alice');
  const gone = await portal.runAction('oncall.acknowledge', { entity: { kind: 'incident', id: open[0].id }, as: 'alice' });
  expect(gone).toMatchObject({ status: 'failed', error: expect.stringContaining('PagerDuty found nothing at PUT /incidents/') });
});

test('an alert goes to the Events API with the service routing key', async () => {
  const run = await portal.runAction('oncall.send-alert', { entity: { kind: 'component', id: 'cart-service' }, inputs: { summary: 'Queue depth above 10k', severity: 'warning', dedupKey: 'queue-depth' }, as: 'alice' });
  expect(run).toMatchObject({ status: 'succeeded', outputs: { dedupKey: 'queue-depth' } });
  expect(pd.receivedEvents.at(-1)).toMatchObject({ routing_key: ROUTING_KEY, event_action: 'trigger', dedup_key: 'queue-depth', payload: { summary: 'Queue depth above 10k', source: 'cart-service', severity: 'warning' } });
});

describe('runbooks', () => {
  let incident: string;

  beforeAll(async () => {
    const paged = await portal.runAction('oncall.page', { entity: { kind: 'component', id: 'cart-service' }, inputs: { title: 'Cart is slow', urgency: 'high' }, as: 'alice' });
    incident = String(paged.outputs.incident);
  });

  test('a three-step runbook runs its steps in order as child runs, waits for the approval one step needs, and sums up', async () => {
    await createRunbook('cart-slow', [
      { title: 'Scale up', action: 'steps.scale', entity: 'component:{{service.id}}', inputs: { replicas: 6 } },
      { title: 'Tell the team', action: 'steps.note', inputs: { message: 'Runbook for {{incident.title}} ({{incident.urgency}})' }, requiresApproval: true },
      { title: 'Acknowledge', action: 'oncall.acknowledge', entity: 'incident:{{incident.id}}' },
    ]);
    const parent = await portal.startRun('oncall.run-runbook', { entity: { kind: 'incident', id: incident }, inputs: { runbook: 'cart-slow' }, as: 'alice' });
    const waiting = await eventually(async () => {
      const run = await portal.api('GET', `/runs/${parent.id}`, undefined, { as: 'alice' });
      const ids: string[] = run.body.childRunIds ?? [];
      if (ids.length < 2) return null;
      const child = await portal.api('GET', `/runs/${ids[1]}`, undefined, { as: 'alice' });
      return child.body.status === 'waiting_for_approval' ? child.body : null;
    }, 'step 2 to wait for approval');
    expect(waiting.title).toBe('Step 2: Tell the team');
    // alice started the runbook and is not in checkout-team: she cannot approve her own step.
    expect((await portal.api('POST', `/runs/${waiting.id}/approval`, { decision: 'approve' }, { as: 'alice' })).status).toBe(403);
    await portal.decide(waiting.id, 'bob');

    const done = await portal.waitForRun(parent.id, { as: 'alice' });
    expect(done.status).toBe('succeeded');
    const children = await Promise.all(done.childRunIds!.map(async (id) => (await portal.api('GET', `/runs/${id}`, undefined, { as: 'alice' })).body));
    expect(children.map((c) => [c.actionId, c.status, c.parentRunId])).toEqual([
      ['steps.scale', 'succeeded', parent.id],
      ['steps.note', 'succeeded', parent.id],
      ['oncall.acknowledge', 'succeeded', parent.id],
    ]);
    expect(done.logs).toEqual(expect.arrayContaining(['[Step 1: Scale up] scaled cart-service to 6', '[Step 2: Tell the team] note: Runbook for Cart is slow (high)', 'Summary:']));
    expect(done.outputs.summary).toEqual([
      expect.objectContaining({ title: 'Scale up', status: 'succeeded' }),
      expect.objectContaining({ title: 'Tell the team', status: 'succeeded' }),
      expect.objectContaining({ title: 'Acknowledge', status: 'succeeded' }),
    ]);
    expect((await portal.entity('incident', incident, 'alice')).properties.status).toBe('acknowledged');
    expect((await portal.entity('runbook', 'cart-slow', 'alice')).properties.lastOutcome).toMatchObject({ runId: parent.id, status: 'succeeded' });
  });

  test('a failing step stops the runbook and is named; later steps never run', async () => {
    await createRunbook('cart-broken', [
      { title: 'Scale up', action: 'steps.scale', entity: 'component:{{service.id}}', inputs: { replicas: 2 } },
      { title: 'Flush the cache', action: 'steps.fail' },
      { title: 'Tell the team', action: 'steps.note', inputs: { message: 'never' } },
    ]);
    const done = await portal.runAction('oncall.run-runbook', { entity: { kind: 'incident', id: incident }, inputs: { runbook: 'cart-broken' }, as: 'alice' });
    expect(done.status).toBe('failed');
    expect(done.error).toBe('Step 2: Flush the cache (steps.fail) ended failed: the fix did not take');
    expect(done.childRunIds).toHaveLength(2);
    expect(done.outputs.summary).toEqual([expect.objectContaining({ status: 'succeeded' }), expect.objectContaining({ status: 'failed' }), expect.objectContaining({ status: 'not run' })]);
  });

  test('an unknown action, a template naming nothing, or inputs the step refuses fail clearly; the first two before any step runs', async () => {
    await createRunbook('cart-typo', [
      { title: 'Scale up', action: 'steps.scale', entity: 'component:{{service.id}}', inputs: { replicas: 2 } },
      { title: 'Restart', action: 'k8s.restart' },
    ]);
    const unknown = await portal.runAction('oncall.run-runbook', { entity: { kind: 'incident', id: incident }, inputs: { runbook: 'cart-typo' }, as: 'alice' });
    expect(unknown).toMatchObject({ status: 'failed', error: 'Step 2: Restart names the action "k8s.restart", which no installed plugin provides; fix runbook cart-typo. Nothing was run.' });
    expect(unknown.childRunIds ?? []).toEqual([]);

    await createRunbook('cart-template', [{ title: 'Scale up', action: 'steps.scale', entity: 'component:{{service.name}}', inputs: { replicas: 2 } }]);
    const template = await portal.runAction('oncall.run-runbook', { entity: { kind: 'incident', id: incident }, inputs: { runbook: 'cart-template' }, as: 'alice' });
    expect(template.error).toContain('Step 1: Scale up entity uses {{service.name}}, which names nothing');

    await createRunbook('cart-inputs', [
      { title: 'Note', action: 'steps.note', inputs: { message: 'first' } },
      { title: 'Scale up', action: 'steps.scale', entity: 'component:{{service.id}}', inputs: { replicas: 'many' } },
    ]);
    const inputs = await portal.runAction('oncall.run-runbook', { entity: { kind: 'incident', id: incident }, inputs: { runbook: 'cart-inputs' }, as: 'alice' });
    expect(inputs.status).toBe('failed');
    expect(inputs.error).toMatch(/^Step 2: Scale up \(steps\.scale\) could not start: .*replicas/);
  });

  test('a step runs under its own action permission: without it, the step is refused and the runbook stops', async () => {
    const done = await portal.runAction('oncall.run-runbook', { entity: { kind: 'incident', id: incident }, inputs: { runbook: 'cart-broken' }, as: 'dave' });
    expect(done.status).toBe('failed');
    expect(done.error).toMatch(/^Step 1: Scale up \(steps\.scale\) could not start: .*steps\.scale/);
    expect(done.childRunIds ?? []).toEqual([]);
    expect((await portal.api('POST', '/actions/oncall.run-runbook/runs', { entity: { kind: 'incident', id: incident }, inputs: {} }, { as: 'carol' })).status).toBe(403);
  });

  test("a service's runbook marked runOnTrigger starts by itself when one of its incidents is triggered", async () => {
    await createRunbook('cart-auto', [{ title: 'Note', action: 'steps.note', inputs: { message: 'auto for {{incident.title}}' } }], { runOnTrigger: true });
    const fresh = pd.addIncident('PCART01', 'Payments timing out');
    const delivered = await deliverWebhook(webhookUrl(), incidentWebhook('incident.triggered', fresh), sign);
    expect(delivered.status).toBe(200);
    const entityId = (delivered.body as { id: string }).id;
    const run = await eventually(async () => {
      const runs = await portal.api('GET', '/runs?actionId=oncall.run-runbook', undefined, { as: 'admin' });
      return runs.body.items.find((r: { entity: { id: string } | null }) => r.entity?.id === entityId) ?? null;
    }, 'the runbook to start on trigger');
    const done = await portal.waitForRun(run.id, { as: 'admin' });
    expect(done).toMatchObject({ status: 'succeeded', actor: 'plugin:oncall' });
    expect(done.logs).toContain('[Step 1: Note] note: auto for Payments timing out');
  });
});
