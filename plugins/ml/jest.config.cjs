const { createJestConfig, transformIgnoring } = require('@portico/build-config/jest-preset');

// @kubernetes/client-node ships ESM only (and brings openid-client's ESM helpers); jest runs CommonJS.
module.exports = createJestConfig(__dirname, { transformIgnorePatterns: [transformIgnoring(['@kubernetes/client-node'])] });
