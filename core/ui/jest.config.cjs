// Browser tests (test/*.browser.test.ts) need the built shell and fixture bundles: globalSetup builds them.
// Fixture plugins are plain ESM; once npm-installed into a temp app they sit under node_modules, so
// they are transformed too (the kernel imports them inside jest's CommonJS runtime).
const { createJestConfig, transformIgnoring } = require('@portico/build-config/jest-preset');

module.exports = createJestConfig(__dirname, {
  globalSetup: '<rootDir>/test/global-setup.cjs',
  transformIgnorePatterns: [transformIgnoring(['@portico-fixtures'])],
});
