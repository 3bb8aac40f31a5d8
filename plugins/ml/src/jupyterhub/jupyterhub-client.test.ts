import { startJupyterHubFake, type JupyterHubFake } from '../testing/jupyterhub-fake';
import { JupyterHubClient } from './jupyterhub-client';

let hub: JupyterHubFake;
let client: JupyterHubClient;

beforeAll(async () => {
  hub = await startJupyterHubFake({ readsBeforeReady: 1 });
  hub.addUser('alice');
  client = new JupyterHubClient({ baseUrl: hub.url, token: async () => hub.token });
});
afterAll(() => hub.close());

test('starts a named server with user options, sees it pending then ready with its URL, and stops it', async () => {
  expect(await client.startServer('alice', 'churn-eda', { image: 'quay.io/jupyter/scipy-notebook:2026-11-30', cpu: '2', memory: '8Gi' })).toBe('pending');
  expect(hub.requestsTo('POST /hub/api/users/:name/servers/:server')[0].body).toEqual({ image: 'quay.io/jupyter/scipy-notebook:2026-11-30', cpu: '2', memory: '8Gi' });
  expect(await client.getServer('alice', 'churn-eda')).toMatchObject({ ready: false, pending: 'spawn' });
  expect(await client.getServer('alice', 'churn-eda')).toMatchObject({ ready: true, pending: null, url: `${hub.url}/user/alice/churn-eda/`, userOptions: { cpu: '2' } });
  expect(await client.stopServer('alice', 'churn-eda')).toBe(true);
  expect(await client.getServer('alice', 'churn-eda')).toBeNull();
  expect(await client.stopServer('alice', 'churn-eda')).toBe(false);
  expect(await client.getServer('nobody', 'x')).toBeNull();
});

test('a hub that refuses a server (running already, bad name, no such user, forbidden token) says why', async () => {
  await client.startServer('alice', 'twice', {});
  await expect(client.startServer('alice', 'twice', {})).rejects.toThrow("JupyterHub refused POST /users/alice/servers/twice (400): the hub refused the request (a server of that name may be running already, or the options are not allowed). JupyterHub said: alice is already running server twice");
  await expect(client.startServer('alice', 'Bad_Name', {})).rejects.toThrow(/\(400\).*Invalid server_name \(Bad_Name\)/);
  await expect(client.startServer('nobody', 'x', {})).rejects.toThrow(/\(404\): the hub has no such user or server/);
  hub.failNext('POST /hub/api/users/:name/servers/:server', { status: 403, body: { status: 403, message: 'Action is not authorized with current scopes; requires any of [servers]' } });
  await expect(client.startServer('alice', 'other', {})).rejects.toThrow(/\(403\): the portal's hub token lacks the scope this needs.*requires any of \[servers\]/);
});
