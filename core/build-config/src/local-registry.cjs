// A real npm registry (verdaccio) on 127.0.0.1 for release and install tests. Portico's own
// names are served only from it; every other package is proxied from the registry npm is
// configured with, so an app installed from it gets its third-party dependencies as usual.
// Each registry has its own storage folder and a user whose token is written to an npmrc.
const { spawn, execFileSync } = require('node:child_process');
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { createServer } = require('node:net');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

/** Names that are never proxied: what Portico publishes. */
const LOCAL_PACKAGES = ['@portico/*', 'create-portico-app'];

/** @returns {Promise<number>} a free TCP port on 127.0.0.1 */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function upstreamRegistry() {
  try {
    return execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' }).trim() || 'https://registry.npmjs.org/';
  } catch {
    return 'https://registry.npmjs.org/';
  }
}

function verdaccioConfig({ storage, htpasswd, upstream }) {
  const local = LOCAL_PACKAGES.map((name) => [`  '${name}':`, '    access: $all', '    publish: $authenticated']).flat();
  return [
    `storage: ${JSON.stringify(storage)}`,
    'auth:',
    '  htpasswd:',
    `    file: ${JSON.stringify(htpasswd)}`,
    '    max_users: 10',
    'uplinks:',
    '  upstream:',
    `    url: ${JSON.stringify(upstream)}`,
    '    timeout: 60s',
    'packages:',
    ...local,
    "  '**':",
    '    access: $all',
    '    publish: $authenticated',
    '    proxy: upstream',
    'publish:',
    '  allow_offline: true',
    'middlewares:',
    '  audit:',
    '    enabled: false',
    'log: { type: stdout, format: json, level: error }',
    '',
  ].join('\n');
}

async function waitUntilUp(url, child, output) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited with code ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(`${url}/-/ping`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`verdaccio did not answer ${url}/-/ping within 30 s:\n${output()}`);
}

/**
 * Starts a verdaccio registry on a free 127.0.0.1 port.
 * @returns {Promise<{ url: string, npmrc: string, env: Record<string, string>, stop: () => Promise<void> }>}
 *   `url` has no trailing slash; `npmrc` holds the registry and a publish token; `env` points
 *   any npm command (publish, install, `npm create`) at both.
 */
async function startLocalRegistry() {
  const root = mkdtempSync(join(tmpdir(), 'portico-registry-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const configFile = join(root, 'config.yaml');
  writeFileSync(configFile, verdaccioConfig({ storage: join(root, 'storage'), htpasswd: join(root, 'htpasswd'), upstream: upstreamRegistry() }));
  const child = spawn(process.execPath, ['--no-warnings', require.resolve('verdaccio/bin/verdaccio'), '--config', configFile, '--listen', `127.0.0.1:${port}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(root, { recursive: true, force: true });
  };
  try {
    await waitUntilUp(url, child, () => log);
    const response = await fetch(`${url}/-/user/org.couchdb.user:portico`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'portico', password: `local-${port}-${Date.now()}` }),
    });
    const { token } = await response.json();
    if (!token) throw new Error(`verdaccio gave no token (HTTP ${response.status})`);
    const npmrc = join(root, 'npmrc');
    writeFileSync(npmrc, `registry=${url}/\n//127.0.0.1:${port}/:_authToken=${token}\naudit=false\nfund=false\nupdate-notifier=false\n`);
    const env = { npm_config_registry: `${url}/`, npm_config_userconfig: npmrc };
    return { url, npmrc, env, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

module.exports = { startLocalRegistry, freePort };
