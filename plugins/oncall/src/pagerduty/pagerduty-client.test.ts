import { FAKE_TOKEN, startPagerDutyFake, type PagerDutyFake } from '../testing/pagerduty-fake';
import { PagerDutyApiError } from './pagerduty-api-error';
import { PagerDutyClient } from './pagerduty-client';

// The client against the PagerDuty-shaped fake: what it sends (headers, pagination, bodies)
// and how PagerDuty's answers (pages, errors, rate limits) come back.

let pd: PagerDutyFake;
let client: PagerDutyClient;

beforeAll(async () => {
  pd = await startPagerDutyFake();
  const alice = pd.addUser('PALICE1', 'Alice Martin', 'alice@example.com');
  const bob = pd.addUser('PBOB001', 'Bob Chen', 'bob@example.com');
  pd.addPolicyWithSchedule('PEP0001', 'PSCH001', 'Checkout on-call', alice, bob, new Date(Date.now() + 3600_000).toISOString());
  for (let i = 0; i < 7; i++) pd.addService(`PS${i}`, `Service ${i}`, 'PEP0001');
  client = new PagerDutyClient({ baseUrl: pd.rest.url, eventsUrl: pd.events.url, token: FAKE_TOKEN, pageSize: 3, rateLimitRetryMs: 5 });
});

beforeEach(() => pd.rest.reset());
afterAll(() => pd.close());

test('lists follow offset/limit until PagerDuty says there is no `more`', async () => {
  const services = await client.listServices();
  expect(services.map((s) => s.id)).toEqual(['PS0', 'PS1', 'PS2', 'PS3', 'PS4', 'PS5', 'PS6']);
  expect(pd.rest.requestsTo('GET /services').map((r) => [r.query.offset, r.query.limit])).toEqual([['0', '3'], ['3', '3'], ['6', '3']]);
  expect(pd.rest.requestsTo('GET /services')[0].headers).toMatchObject({ authorization: `Token token=${FAKE_TOKEN}`, accept: 'application/vnd.pagerduty+json;version=2' });
});

test('on-calls are asked for a time window', async () => {
  const since = new Date().toISOString();
  const until = new Date(Date.now() + 86_400_000).toISOString();
  const oncalls = await client.listOnCalls({ since, until, escalationPolicyIds: ['PEP0001'] });
  expect(oncalls.map((o) => o.user.summary)).toEqual(['Alice Martin', 'Bob Chen']);
  expect(pd.rest.requestsTo('GET /oncalls')[0].query).toMatchObject({ since, until, escalation_policy_ids: ['PEP0001'] });
});

test('writes carry From, and the request body PagerDuty documents', async () => {
  const incident = await client.createIncident({ title: 'Down', serviceId: 'PS1', urgency: 'low', details: 'all of it' }, 'alice@example.com');
  expect(incident).toMatchObject({ status: 'triggered', urgency: 'low', service: { id: 'PS1' } });
  const [sent] = pd.rest.requestsTo('POST /incidents');
  expect(sent.headers.from).toBe('alice@example.com');
  expect(sent.body).toEqual({ incident: { type: 'incident', title: 'Down', service: { id: 'PS1', type: 'service_reference' }, urgency: 'low', body: { type: 'incident_body', details: 'all of it' } } });
  await client.addNote(incident.id, 'looking', 'alice@example.com');
  expect((await client.updateIncident(incident.id, { status: 'acknowledged' }, 'alice@example.com')).status).toBe('acknowledged');
  expect((await client.listLogEntries(incident.id)).map((e) => e.type)).toEqual(['acknowledge_log_entry', 'annotate_log_entry', 'trigger_log_entry']);
  expect(pd.rest.rejected).toEqual([]);
});

test('error bodies become a PagerDutyApiError naming the request, the status and what PagerDuty said', async () => {
  pd.rest.failNext('GET /incidents/:id', { status: 404, body: { error: { message: 'Not Found', code: 2100, errors: ['Incident Q9 not found'] } } });
  const error = (await client.getIncident('Q9').catch((e: unknown) => e)) as PagerDutyApiError;
  expect(error).toBeInstanceOf(PagerDutyApiError);
  expect(error).toMatchObject({ status: 404, code: 2100, request: 'GET /incidents/Q9', errors: ['Incident Q9 not found'] });
  expect(error.message).toContain('PagerDuty said: Not Found; Incident Q9 not found');

  const wrongKey = new PagerDutyClient({ baseUrl: pd.rest.url, eventsUrl: pd.events.url, token: 'wrong' });
  await expect(wrongKey.listSchedules()).rejects.toThrow('PagerDuty rejected the API key (401 on GET /schedules)');
  // A write the fake refuses because it misses the From header shows PagerDuty's 400 with the field.
  await expect(client.createIncident({ title: 'x', serviceId: 'PS1', urgency: 'high' }, 'not-an-email')).rejects.toThrow(/400.*headers\/from/);
});

test('a 429 is retried by the SDK after the configured wait; one that lasts fails with when to retry', async () => {
  pd.rest.rateLimit('GET /schedules', { times: 2, retryAfterSeconds: 1 });
  expect((await client.listSchedules()).map((s) => s.id)).toEqual(['PSCH001']);
  expect(pd.rest.requestsTo('GET /schedules')).toHaveLength(3);
  pd.rest.rateLimit('GET /schedules', { times: 10, retryAfterSeconds: 30 });
  await expect(client.listSchedules()).rejects.toThrow("PagerDuty's rate limit was hit on GET /schedules (429) and the retries ran out; try again after 30 s.");
});

test('overrides report their own status inside a 201', async () => {
  const start = new Date(Date.now() + 3600_000).toISOString();
  const end = new Date(Date.now() + 7200_000).toISOString();
  expect(await client.createOverride('PSCH001', { start, end, userId: 'PBOB001' }, 'alice@example.com')).toMatchObject({ start, end, user: { id: 'PBOB001' } });
  await expect(client.createOverride('PSCH001', { start, end, userId: 'PNOBODY' }, 'alice@example.com')).rejects.toThrow('User not found');
});

test('Events API v2: an event is enqueued with its routing key; a refused one says why', async () => {
  expect(await client.sendEvent({ routing_key: 'R'.repeat(32), event_action: 'trigger', dedup_key: 'k1', payload: { summary: 'hot', source: 'cart', severity: 'critical' } })).toEqual({ dedupKey: 'k1' });
  await expect(client.sendEvent({ routing_key: 'short', event_action: 'trigger', payload: { summary: 'hot', source: 'cart', severity: 'critical' } })).rejects.toThrow(/refused POST \/v2\/enqueue as invalid \(400\).*routing_key/);
});
