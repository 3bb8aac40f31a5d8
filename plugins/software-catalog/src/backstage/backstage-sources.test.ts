import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startUpstreamFake, type UpstreamFake, type UpstreamReply } from '@portico/test-utils';
import { BackstageSources, parseSourceArgument } from './backstage-sources';

const fixtures = join(__dirname, '__fixtures__');
const component = (name: string): string => `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\nspec:\n  type: service\n  lifecycle: production\n`;

describe('a URL source', () => {
  let fake: UpstreamFake;
  const files: Record<string, string> = {
    'catalog-info.yaml': 'apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: root\nspec:\n  targets: [./services.yaml]\n',
    'services.yaml': component('cart'),
  };
  beforeAll(async () => {
    fake = await startUpstreamFake({
      name: 'catalog host',
      routes: [
        {
          // A static file host (GitHub raw, S3, nginx): strong ETags and 304 on If-None-Match.
          route: 'GET /acme/:file',
          handle: (req): UpstreamReply => {
            const text = files[req.params.file];
            if (text === undefined) return { status: 404, body: 'Not Found' };
            const etag = `"${createHash('sha256').update(text).digest('hex').slice(0, 16)}"`;
            if (req.headers['if-none-match'] === etag) return { status: 304, headers: { etag } };
            return { status: 200, headers: { etag, 'content-type': 'application/yaml' }, body: text };
          },
        },
      ],
    });
  });
  afterAll(() => fake.close());

  it('follows relative Location targets on the same host, then re-reads with ETags and says when nothing changed', async () => {
    const sources = new BackstageSources([{ url: `${fake.url}/acme/catalog-info.yaml` }]);
    const first = await sources.load();
    expect(first.entities.map((e) => e.id)).toEqual(['cart']);
    expect(first.report.locations).toEqual([`${fake.url}/acme/catalog-info.yaml`, `${fake.url}/acme/services.yaml`]);
    expect(first.unchanged).toBe(false);

    fake.reset();
    const second = await sources.load();
    expect(second.unchanged).toBe(true);
    expect(second.entities.map((e) => e.id)).toEqual(['cart']);
    expect(fake.requests.map((r) => r.headers['if-none-match'])).toEqual([expect.stringMatching(/^"[0-9a-f]{16}"$/), expect.stringMatching(/^"[0-9a-f]{16}"$/)]);

    files['services.yaml'] = component('cart') + '---\n' + component('orders');
    const third = await sources.load();
    expect(third.unchanged).toBe(false);
    expect(third.entities.map((e) => e.id)).toEqual(['cart', 'orders']);
  });

  it('reports a URL that fails as an error of that location, marking the read incomplete', async () => {
    const { report } = await new BackstageSources([{ url: `${fake.url}/acme/nothing.yaml` }]).load();
    expect(report.errors).toEqual([{ file: `${fake.url}/acme/nothing.yaml`, line: 1, message: `could not be read: GET ${fake.url}/acme/nothing.yaml answered 404 Not Found` }]);
    expect(report.incomplete).toBe(true);
  });
});

describe('a git source', () => {
  let dir: string;
  const git = (...args: string[]): string => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, encoding: 'utf8' });
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'portico-backstage-git-'));
    git('init', '--quiet');
    cpSync(join(fixtures, 'acme'), join(dir, 'catalog'), { recursive: true });
    writeFileSync(join(dir, 'README.md'), '# not a catalog file\n');
    git('add', '.');
    git('commit', '--quiet', '-m', 'catalog');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('clones with the git CLI, reads the folder inside it, and names files by repository in reports', async () => {
    const sources = new BackstageSources([{ git: `file://${dir}`, ref: 'main', path: 'catalog' }]);
    const first = await sources.load();
    expect(first.report.errors).toEqual([]);
    expect(first.report.imported).toEqual({ team: 3, user: 2, domain: 1, system: 1, resource: 1, api: 1, component: 2 });
    expect(first.report.skipped[0].file).toBe(`file://${dir}#main (catalog)/services/cart/catalog-info.yaml`);
    expect(first.unchanged).toBe(false);
    expect((await sources.load()).unchanged).toBe(true);

    writeFileSync(join(dir, 'catalog', 'services', 'cart', 'catalog-info.yaml'), component('cart'));
    git('commit', '--quiet', '-am', 'cart only');
    const changed = await sources.load();
    expect(changed.unchanged).toBe(false);
    expect(changed.report.skipped).toEqual([]);
  });

  it('reports a repository that cannot be cloned, with git\'s own reason', async () => {
    const { report } = await new BackstageSources([{ git: `file://${dir}/nope` }]).load();
    expect(report.errors).toEqual([{ file: `file://${dir}/nope`, line: 1, message: expect.stringMatching(/^could not be read: git ls-remote failed: .*nope/) }]);
    expect(report.incomplete).toBe(true);
  });
});

it('tells git URLs, other URLs and paths apart on the command line', () => {
  expect(parseSourceArgument('https://github.com/acme/catalog.git#main')).toEqual({ git: 'https://github.com/acme/catalog.git', ref: 'main' });
  expect(parseSourceArgument('git@github.com:acme/catalog.git')).toEqual({ git: 'git@github.com:acme/catalog.git' });
  expect(parseSourceArgument('https://raw.example/acme/catalog-info.yaml')).toEqual({ url: 'https://raw.example/acme/catalog-info.yaml' });
  expect(parseSourceArgument('./catalog')).toEqual({ path: './catalog' });
});
