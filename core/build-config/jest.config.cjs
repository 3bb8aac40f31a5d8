module.exports = require('./src/jest-preset.cjs').createJestConfig(__dirname);
