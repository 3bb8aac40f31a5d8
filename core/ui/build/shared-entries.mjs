// The shell's entry modules for the shared specifiers (see @portico/build-config/shared-ui-modules):
// a small wrapper per specifier re-exporting it with named exports, whatever its format.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { SHARED_UI_MODULES } from '@portico/build-config/shared-ui-modules';
import { sharedEntryName } from './shared-entry-name.mjs';

const VIRTUAL = '\0portico-shared:';

/** Shared modules the shell builds from this repository's sources (with the app), not from node_modules. */
export const isOwnSharedModule = (specifier) => specifier.startsWith('@portico/');

/** The third-party shared modules: built into `dist/app/shared/<group>/`, apart from the app. */
export const THIRD_PARTY_SHARED = SHARED_UI_MODULES.filter(({ specifier }) => !isOwnSharedModule(specifier));

/**
 * The third-party shared modules in groups that build side by side, each leaving the others'
 * specifiers external: React, emotion and MUI; the charts, which import MUI.
 */
export const SHARED_GROUPS = {
  base: THIRD_PARTY_SHARED.filter(({ specifier }) => !specifier.startsWith('@mui/x-charts/')),
  charts: THIRD_PARTY_SHARED.filter(({ specifier }) => specifier.startsWith('@mui/x-charts/')),
};

function sharedWrapper(dir, { specifier, format, hasDefault }) {
  if (format === 'esm') {
    return `export * from '${specifier}';${hasDefault ? ` export { default } from '${specifier}';` : ''}`;
  }
  // CommonJS (React): list the export names by loading it in Node, then re-export each.
  const names = Object.keys(createRequire(join(dir, 'package.json'))(specifier)).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default');
  return [`import mod from '${specifier}';`, 'export default mod;', ...names.map((name) => `export const ${name} = mod.${name};`)].join('\n');
}

/** Rollup `input` entries, named `shared-<specifier>`, for the given shared modules. */
export function sharedInputs(modules) {
  return Object.fromEntries(modules.map(({ specifier }) => [sharedEntryName(specifier), `${VIRTUAL}${specifier}`]));
}

/** The rollup plugin that provides those entries' wrapper modules. */
export function sharedEntries(dir) {
  return {
    name: 'portico-shared-entries',
    resolveId(id) {
      return id.startsWith(VIRTUAL) ? id : null;
    },
    load(id) {
      if (!id.startsWith(VIRTUAL)) return null;
      return sharedWrapper(dir, SHARED_UI_MODULES.find((item) => item.specifier === id.slice(VIRTUAL.length)));
    },
  };
}
