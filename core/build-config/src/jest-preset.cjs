// One jest setup for every Portico package: TypeScript through SWC, and every workspace
// package mapped to its sources so tests never need a prior build.
const { readdirSync, readFileSync, existsSync } = require('node:fs');
const { join, resolve } = require('node:path');

const repoRoot = resolve(__dirname, '..', '..', '..');

function workspacePackages() {
  const found = {};
  for (const group of ['core', 'plugins']) {
    const groupDir = join(repoRoot, group);
    if (!existsSync(groupDir)) continue;
    for (const name of readdirSync(groupDir)) {
      const pkgFile = join(groupDir, name, 'package.json');
      if (!existsSync(pkgFile)) continue;
      const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
      if (existsSync(join(groupDir, name, 'src', 'index.ts'))) found[pkg.name] = join(groupDir, name, 'src');
    }
  }
  return found;
}

/** Packages that ship ESM only, which the portal reaches through Node's require(esm) and jest must transform. */
const ESM_ONLY_PACKAGES = ['inversify', '@inversifyjs', 'openid-client', 'oauth4webapi', 'jose', '@clack', 'fast-wrap-ansi', 'fast-string-width', 'fast-string-truncated-width', 'sisteransi'];

/** The transformIgnorePatterns entry that transforms the ESM-only packages and `extra` ones. */
function transformIgnoring(extra = []) {
  return `/node_modules/(?!(${[...ESM_ONLY_PACKAGES, ...extra].join('|')})/)`;
}

function escape(name) {
  return name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** @param {string} dir the package folder (`__dirname` of its jest.config.cjs) */
function createJestConfig(dir, overrides = {}) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const moduleNameMapper = {};
  for (const [name, src] of Object.entries(workspacePackages())) {
    moduleNameMapper[`^${escape(name)}$`] = join(src, 'index.ts');
    // Subpath exports `./x` are built from `src/x/index.ts`.
    moduleNameMapper[`^${escape(name)}/(.*)$`] = join(src, '$1');
  }
  return {
    displayName: pkg.name,
    rootDir: dir,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/src/**/*.test.tsx', '<rootDir>/test/**/*.test.ts'],
    moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
    transform: {
      '^.+\\.(t|j|mj)sx?$': [
        require.resolve('@swc/jest'),
        {
          jsc: {
            target: 'es2022',
            parser: { syntax: 'typescript', tsx: true },
            transform: { react: { runtime: 'automatic' } },
          },
          module: { type: 'commonjs' },
        },
      ],
    },
    // These ship ESM only (inversify 8 and its helpers; openid-client 6 and its oauth4webapi and
    // jose); jest runs CommonJS, so they are transformed too.
    transformIgnorePatterns: [transformIgnoring()],
    moduleNameMapper,
    setupFiles: [join(__dirname, 'jest-setup.cjs')],
    ...overrides,
  };
}

module.exports = { createJestConfig, repoRoot, transformIgnoring };
