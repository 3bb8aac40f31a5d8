// Lets plain `node` run the repository's TypeScript (benchmarks and fault-test worker
// fixtures) without a build: `.ts` files are compiled by SWC on require, and `@portico/*`
// resolves to each workspace package's `src/index.ts`, as in the jest preset.
const Module = require('node:module');
const { existsSync, readFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { transformSync } = require('@swc/core');

const repoRoot = resolve(__dirname, '..', '..', '..');
const originalResolve = Module._resolveFilename;
Module._resolveFilename = function resolveWorkspace(request, parent, ...rest) {
  const match = /^@portico\/([^/]+)(?:\/(.*))?$/.exec(request);
  if (match) {
    const src = join(repoRoot, 'core', match[1], 'src');
    const file = match[2] ? join(src, match[2], 'index.ts') : join(src, 'index.ts');
    if (existsSync(file)) return file;
  }
  try {
    return originalResolve.call(this, request, parent, ...rest);
  } catch (error) {
    // Extensionless relative imports of TypeScript files.
    if (request.startsWith('.') && parent?.filename) {
      for (const candidate of [`${request}.ts`, `${request}/index.ts`]) {
        const file = resolve(parent.filename, '..', candidate);
        if (existsSync(file)) return file;
      }
    }
    throw error;
  }
};

Module._extensions['.ts'] = function compileTs(module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: { target: 'es2022', parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true } },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
