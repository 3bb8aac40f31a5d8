// Browser tests (test/*.browser.test.ts) need the built shell and fixture bundles: globalSetup builds them.
module.exports = require('@portico/build-config/jest-preset').createJestConfig(__dirname, { globalSetup: '<rootDir>/test/global-setup.cjs', testTimeout: 90000 });
