// One build worker of build-packages.mjs: builds the configs it is sent, one at a time, with the
// rollup, swc and plugins it loaded once.
import { relative } from 'node:path';
import { rollup } from 'rollup';
import { loadPackageConfigs } from './build-packages.mjs';

const loaded = new Map();

async function build({ dir, index }) {
  if (!loaded.has(dir)) loaded.set(dir, await loadPackageConfigs(dir));
  const config = loaded.get(dir)[index];
  const started = performance.now();
  // Warnings are the full build's to show (npm run build); a start only needs it to work.
  const bundle = await rollup({ ...config, onwarn: () => undefined });
  try {
    for (const output of [config.output].flat()) await bundle.write(output);
  } finally {
    await bundle.close();
  }
  const out = [config.output].flat()[0];
  return { label: relative(process.cwd(), out.file ?? out.dir), seconds: ((performance.now() - started) / 1000).toFixed(1) };
}

process.on('message', (job) => {
  if (job.done) {
    process.disconnect();
    return;
  }
  build(job).then(
    (result) => process.send({ ...result, dir: job.dir }),
    (error) => process.send({ dir: job.dir, error: error?.stack ?? String(error) }),
  );
});
