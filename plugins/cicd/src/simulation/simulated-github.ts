import type { CicdConfig } from '../config/cicd-config';
import { GitHubClient } from '../github/github-client';
import type { GitHubConnection } from '../github/github-connection';
import { FakeGitHubServer } from '../testing/fake-github-server';

const MINUTE = 60 * 1000;

/** Repositories of the example organisation, as the simulated GitHub serves them. */
export const SIMULATED_REPOSITORIES = [
  { repository: 'example-org/cart-service', component: 'cart-service' },
  { repository: 'example-org/products-service', component: 'products-service' },
  { repository: 'example-org/core-kafka', component: 'core-kafka' },
  { repository: 'example-org/core-payment', component: 'core-payment' },
];

function seed(server: FakeGitHubServer): void {
  const packageJson = (name: string, deps: Record<string, string>): string => `${JSON.stringify({ name, version: '1.0.0', dependencies: deps }, null, 2)}\n`;
  server.addRepository('example-org/service-template', { workflows: ['ci.yml', 'deploy.yml'] });
  server.addRepository('example-org/cart-service', { workflows: ['ci.yml', 'deploy.yml'], files: { 'package.json': packageJson('cart-service', { express: '^4.21.0', '@example/core-kafka': '^3.2.0' }) } });
  server.addRepository('example-org/products-service', { workflows: ['ci.yml', 'deploy.yml'], files: { 'package.json': packageJson('products-service', { fastify: '^4.28.0' }) } });
  server.addRepository('example-org/core-kafka', { workflows: ['ci.yml', 'release.yml'], files: { 'package.json': packageJson('@example/core-kafka', { kafkajs: '^2.2.4' }) } });
  server.addRepository('example-org/core-payment', { workflows: ['ci.yml', 'release.yml'], files: { 'package.json': packageJson('@example/core-payment', { stripe: '^16.0.0' }) } });
  const now = Date.now();
  const runs: Array<[string, string, string, 'success' | 'failure' | null, number]> = [
    ['example-org/cart-service', 'ci.yml', 'Add cart expiry', 'success', 300],
    ['example-org/cart-service', 'ci.yml', 'Fix rounding of totals', 'failure', 200],
    ['example-org/cart-service', 'ci.yml', 'Fix rounding of totals (again)', 'success', 150],
    ['example-org/cart-service', 'ci.yml', 'Bump express', null, 2],
    ['example-org/products-service', 'ci.yml', 'Cache price lookups', 'success', 400],
    ['example-org/products-service', 'ci.yml', 'Publish price changes', 'success', 90],
    ['example-org/core-kafka', 'ci.yml', 'Retry on broker failover', 'success', 1000],
    ['example-org/core-payment', 'ci.yml', 'Support 3DS2', 'success', 700],
  ];
  for (const [repo, file, title, conclusion, minutesAgo] of runs) {
    const at = new Date(now - minutesAgo * MINUTE).toISOString();
    server.addRun(repo, file, { display_title: title, status: conclusion ? 'completed' : 'in_progress', conclusion, created_at: at, updated_at: at, run_started_at: at });
  }
}

/**
 * A GitHub that lives in the portal process, on 127.0.0.1, for demos: the example
 * organisation's repositories, workflows and runs, and dispatched deploy runs that
 * advance on each read. Enabled only by `github.simulated: true`; never for real use.
 */
export function createSimulatedGitHub(config: CicdConfig): { connection: GitHubConnection; stop(): Promise<void> } {
  const server = new FakeGitHubServer();
  server.pageSize = 30;
  let started: Promise<string> | null = null;
  return {
    connection: async () => {
      started ??= server.start().then((url) => {
        seed(server);
        return url;
      });
      const url = await started;
      config.github.baseUrl = url;
      return new GitHubClient({ baseUrl: url, token: server.token });
    },
    stop: async () => {
      if (started) await started.then(() => server.stop());
    },
  };
}
