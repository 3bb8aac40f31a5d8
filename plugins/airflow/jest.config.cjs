const { createJestConfig, transformIgnoring } = require('@portico/build-config/jest-preset');

// PGlite (the demo's embedded PostgreSQL) loads parts of itself with import(), which jest's
// CommonJS runtime cannot do: its CommonJS build goes through the same SWC transform, which
// turns those imports into requires.
const config = createJestConfig(__dirname, { transformIgnorePatterns: [transformIgnoring(['@electric-sql/pglite'])] });
const [swc] = Object.values(config.transform);
config.transform = { '/@electric-sql/pglite/.+\\.cjs$': swc, ...config.transform };
module.exports = config;
