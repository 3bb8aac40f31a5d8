// `npm test` runs every package's tests in one jest run; each package keeps its own config.
const { existsSync, readdirSync } = require('node:fs');
const { join } = require('node:path');

const projects = ['core', 'plugins', 'app-template']
  .flatMap((group) => (group === 'app-template' ? [group] : existsSync(group) ? readdirSync(group).map((name) => join(group, name)) : []))
  .filter((dir) => existsSync(join(__dirname, dir, 'jest.config.cjs')))
  .map((dir) => `<rootDir>/${dir}`);

module.exports = { projects };
