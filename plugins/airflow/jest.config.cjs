module.exports = require('@portico/build-config/jest-preset').createJestConfig(__dirname);
