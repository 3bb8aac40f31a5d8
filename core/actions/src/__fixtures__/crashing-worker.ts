// A `portico worker` process for the fault test: it takes runs and hangs in them until the
// test SIGKILLs it. Run with `node --require core/build-config/src/ts-register.cjs`.
import { runWorker } from '../worker/run-worker';
import { testCatalog } from './test-catalog';
import { testLogger, testSecrets } from './test-services';
import { hangingActions } from './hanging-actions';

async function main(): Promise<void> {
  await runWorker({
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    keyPrefix: process.env.KEY_PREFIX,
    // Embedded: these actions never touch the catalog, and a killed process leaves only a temp folder.
    catalog: await testCatalog({ dataDir: process.env.CATALOG_DIR }),
    logger: testLogger(),
    secrets: testSecrets(),
    workerConcurrency: 4,
    register: (runner) => {
      for (const action of hangingActions(`worker pid ${process.pid}`, () => new Promise<void>(() => undefined))) runner.registerAction(action, 'fault-test');
    },
  });
  process.send?.('ready');
}

void main();
