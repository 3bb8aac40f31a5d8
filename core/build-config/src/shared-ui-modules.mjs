// The one list of modules the portal shell shares with plugin UI bundles. The shell builds an
// entry for each and maps it in its import map; every plugin bundle leaves exactly these
// external, and bundles whatever else it imports (an icon package, another chart library), so at
// runtime there is one React, one MUI, one emotion cache and one @portico/ui-api.

/**
 * The @mui/x-charts charts the shell shares: the three its dashboards draw. A browser loads them
 * only when a page shows a chart, so sharing costs the shell's first load nothing, and a plugin's
 * bar, line or pie chart no longer bundles (and builds) its own copy. Import them by path; any
 * other chart (or the `@mui/x-charts` barrel) is bundled into the plugin, as every module the
 * shell does not share is: sharing all of them would make every dashboard load them all.
 */
const CHART_ENTRIES = ['BarChart', 'LineChart', 'PieChart'];

export const SHARED_UI_MODULES = [
  { specifier: 'react', format: 'cjs' },
  { specifier: 'react/jsx-runtime', format: 'cjs' },
  { specifier: 'react-dom', format: 'cjs' },
  { specifier: 'react-dom/client', format: 'cjs' },
  { specifier: '@emotion/react', format: 'esm' },
  { specifier: '@emotion/styled', format: 'esm', hasDefault: true },
  { specifier: '@mui/material', format: 'esm' },
  { specifier: '@mui/material/styles', format: 'esm' },
  // The right-to-left context MUI's components and the charts read: one instance for all of them.
  { specifier: '@mui/system/RtlProvider', format: 'esm', hasDefault: true },
  { specifier: '@portico/ui-api', format: 'esm' },
  ...CHART_ENTRIES.map((name) => ({ specifier: `@mui/x-charts/${name}`, format: 'esm' })),
];

/**
 * Deep-import prefixes the shell serves too: `@mui/material/<Name>` resolves to a small module
 * re-exporting the shared barrel (the shell's import map sends the prefix to `/ui/mui/`).
 */
export const SHARED_UI_PREFIXES = ['@mui/material/'];

/** Whether a plugin UI bundle must leave `id` external because the shell provides it. */
export function isSharedUiModule(id) {
  return SHARED_UI_MODULES.some((m) => m.specifier === id) || SHARED_UI_PREFIXES.some((prefix) => id.startsWith(prefix));
}
