import { join } from 'node:path';
import { startTestPortal, type TestPortal } from '@portico/test-utils';
import { startGitHubFake, type GitHubFake } from '../testing/github-fake';

// "Add IaC to a service" in a real portal (embedded store) against a GitHub-shaped fake.

jest.setTimeout(60_000);
const pluginsDir = join(__dirname, '..', '..', '..');
let github: GitHubFake;
let portal: TestPortal;

beforeAll(async () => {
  github = await startGitHubFake(['example-org/cart-service']);
  portal = await startTestPortal({
    plugins: [
      { path: join(pluginsDir, 'software-catalog'), config: { sampleData: true } },
      { path: join(pluginsDir, 'cloud-resources'), config: { github: { baseUrl: github.url }, iacModules: [{ id: 's3-bucket', title: 'S3 bucket', source: 'app.terraform.io/acme/s3-bucket/aws', version: '~> 2.0' }] } },
    ],
    secrets: { 'github-token': github.token },
    users: { alice: { roles: ['developer'], permissions: ['cloud.iac.add'] }, bob: { roles: ['developer'] } },
  });
  await portal.waitForEntity('component', 'cart-service', { as: 'alice' });
});
afterAll(async () => {
  await portal?.close();
  await github?.close();
});

test('opens a pull request adding the chosen module folder to the service repository', async () => {
  const run = await portal.runAction('cloud.add-iac', { entity: { kind: 'component', id: 'cart-service' }, inputs: { module: 's3-bucket', name: 'cart-assets', variables: { versioning: true } }, as: 'alice' });
  expect({ status: run.status, error: run.error }).toEqual({ status: 'succeeded', error: null });
  expect(run.outputs.pullRequest).toBe('https://github.com/example-org/cart-service/pull/1');
  expect(github.pulls[0]).toMatchObject({ base: 'main', title: 'Add S3 bucket "cart-assets" (Terraform)', head: expect.stringMatching(/^portico\/iac-cart-assets-/) });
  const files = github.branches.get(github.pulls[0].head)!;
  expect([...files.keys()]).toEqual(['terraform/cart-assets/main.tf', 'terraform/cart-assets/README.md']);
  expect(files.get('terraform/cart-assets/main.tf')).toBe('module "cart_assets" {\n  source = "app.terraform.io/acme/s3-bucket/aws"\n  version = "~> 2.0"\n  versioning = true\n}\n');
  expect(github.rejected).toEqual([]);
});

test('refuses an unknown module (400), a caller without the permission (403), and names a repository GitHub does not know', async () => {
  expect((await portal.api('POST', '/actions/cloud.add-iac/runs', { entity: { kind: 'component', id: 'cart-service' }, inputs: { module: 'nope', name: 'x' } }, { as: 'alice' })).status).toBe(400);
  expect((await portal.api('POST', '/actions/cloud.add-iac/runs', { entity: { kind: 'component', id: 'cart-service' }, inputs: { module: 's3-bucket', name: 'x' } }, { as: 'bob' })).status).toBe(403);
  const run = await portal.runAction('cloud.add-iac', { entity: { kind: 'component', id: 'products-service' }, inputs: { module: 's3-bucket', name: 'images' }, as: 'alice' });
  expect(run.error).toBe('GitHub refused reading the repository on example-org/products-service (404): the repository does not exist or the token cannot see it. GitHub said: Not Found - https://docs.github.com/rest');
});
