import { startTerraformFake, type TerraformFake } from '../testing/terraform-fake';
import { followRun } from './follow-run';
import { TerraformClient } from './terraform-client';

let tf: TerraformFake;
let api: TerraformClient;
const lines: string[] = [];
const logger = { debug: () => undefined, info: (m: string) => void lines.push(m), warn: (m: string) => void lines.push(m), error: (m: string) => void lines.push(m), child: () => logger };
const follow = { pollMs: 1, timeoutMs: 10_000, signal: new AbortController().signal, logger, url: 'https://tf.example/run' };

beforeAll(async () => {
  tf = await startTerraformFake();
  api = new TerraformClient({ baseUrl: tf.url, organization: tf.organization, token: tf.token });
});
afterAll(() => tf.close());
beforeEach(() => {
  tf.reset();
  lines.length = 0;
});

describe('TerraformClient', () => {
  it('creates a workspace from a module once, sets variables as strings or HCL, and changes existing ones', async () => {
    expect(await api.findWorkspace('portico-media')).toBeNull();
    const ws = await api.createWorkspace('portico-media', { repository: 'acme/terraform-modules', branch: 'main', directory: 'bucket' }, 'Bucket media');
    expect(await api.findWorkspace('portico-media')).toEqual(ws);
    expect(tf.requestsTo('POST /api/v2/organizations/:org/workspaces')[0].headers['content-type']).toBe('application/vnd.api+json');
    expect(tf.workspaces[0].attributes).toMatchObject({ 'auto-apply': true, 'working-directory': 'bucket', 'vcs-repo': { identifier: 'acme/terraform-modules', branch: 'main' } });
    await api.setVariable(ws.id, 'versioning', true, []);
    await api.setVariable(ws.id, 'bucket_name', 'media', []);
    let vars = await api.listVariables(ws.id);
    expect(vars.map(({ key, value, hcl }) => ({ key, value, hcl }))).toEqual([{ key: 'versioning', value: 'true', hcl: true }, { key: 'bucket_name', value: 'media', hcl: false }]);
    await api.setVariable(ws.id, 'versioning', false, vars);
    vars = await api.listVariables(ws.id);
    expect(vars.find((v) => v.key === 'versioning')!.value).toBe('false');
    expect(tf.rejected).toEqual([]);
    await expect(api.createWorkspace('portico-media', { repository: 'acme/terraform-modules' }, '')).rejects.toThrow('Terraform refused POST /organizations/acme/workspaces as invalid (422). Terraform said: invalid attribute: Name has already been taken: at /data/attributes/name');
  });

  it('follows a run through plan and apply, logging each status, and reads the outputs', async () => {
    const ws = (await api.findWorkspace('portico-media')) ?? (await api.createWorkspace('portico-media', { repository: 'acme/m' }, ''));
    const run = await api.createRun(ws.id, { message: 'Provision', isDestroy: false });
    expect(run.status).toBe('pending');
    const done = await followRun(api, run, follow);
    expect(done.status).toBe('applied');
    expect(lines).toEqual(['pending', 'plan queued', 'planning', 'planned', 'apply queued', 'applying', 'applied'].map((s) => `Terraform run ${run.id}: ${s}`));
    expect(await api.outputs(ws.id)).toEqual({ endpoint: 'https://portico-media.example.com' });
  });

  it('fails a run that errored with its status and address', async () => {
    const ws = (await api.findWorkspace('portico-media'))!;
    tf.failNextRun();
    const run = await api.createRun(ws.id, { message: 'Broken', isDestroy: false });
    await expect(followRun(api, run, follow)).rejects.toThrow(`The Terraform run ${run.id} ended errored: nothing more was changed; see its plan and apply logs at https://tf.example/run.`);
  });

  it('names a bad token and an unknown organization', async () => {
    await expect(new TerraformClient({ baseUrl: tf.url, organization: 'acme', token: 'nope' }).findWorkspace('x')).rejects.toThrow(/Terraform rejected the API token \(401 on GET \/organizations\/acme\/workspaces\/x\)/);
    await expect(new TerraformClient({ baseUrl: tf.url, organization: 'other', token: tf.token }).createWorkspace('x', { repository: 'a/b' }, '')).rejects.toThrow(/Terraform found nothing at POST \/organizations\/other\/workspaces \(404\)/);
  });
});
