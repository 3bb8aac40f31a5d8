// The shell's entry modules for the shared specifiers (see @portico/build-config/shared-ui-modules):
// a small wrapper per specifier re-exporting it with named exports, whatever its format.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { SHARED_UI_MODULES } from '@portico/build-config/shared-ui-modules';
import { sharedEntryName } from './shared-entry-name.mjs';

const VIRTUAL = '\0portico-shared:';

/**
 * Shared modules built apart from the app, into `dist/app/shared/<group>/`, each group leaving
 * every other shared specifier external: the charts (which import React and MUI from the app's).
 */
export const SHARED_GROUPS = {
  charts: SHARED_UI_MODULES.filter(({ specifier }) => specifier.startsWith('@mui/x-charts/')),
};

/**
 * The shared modules the app build makes entries for: React, emotion, MUI and @portico/ui-api,
 * which the app uses on every page (built with it, MUI's components the app does not use stay
 * out of its first load).
 */
export const APP_SHARED = SHARED_UI_MODULES.filter((module) => !Object.values(SHARED_GROUPS).some((group) => group.includes(module)));

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
