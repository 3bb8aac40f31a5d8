// Plugins loaded by the kernel during tests run from their TypeScript sources
// (package.json "source"), the same way the preset maps workspace packages to src.
process.env.PORTICO_CONDITIONS ??= 'source';
process.env.LOG_LEVEL ??= 'silent';
