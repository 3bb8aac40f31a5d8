// The modules the shell shares with plugin UI bundles through its import map. Every plugin
// bundle leaves these external (see SHARED_UI_MODULES in core/build-config), so at runtime
// there is exactly one React, one MUI, one emotion cache and one @portico/ui-api.
export const SHARED_MODULES = [
  { specifier: 'react', format: 'cjs' },
  { specifier: 'react/jsx-runtime', format: 'cjs' },
  { specifier: 'react-dom', format: 'cjs' },
  { specifier: 'react-dom/client', format: 'cjs' },
  { specifier: '@emotion/react', format: 'esm' },
  { specifier: '@emotion/styled', format: 'esm', hasDefault: true },
  { specifier: '@mui/material', format: 'esm' },
  { specifier: '@mui/material/styles', format: 'esm' },
  { specifier: '@portico/ui-api', format: 'esm' },
];

/** File-name-safe name of a shared module's entry chunk, e.g. `shared-react-dom-client`. */
export function sharedEntryName(specifier) {
  return `shared-${specifier.replace(/^@/, '').replace(/[^a-z0-9]+/gi, '-')}`;
}
