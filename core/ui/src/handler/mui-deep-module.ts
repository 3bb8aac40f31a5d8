/**
 * The module served for a deep import such as `@mui/material/Button`. Plugins built with
 * MUI's documented path imports then get the very component the `@mui/material` barrel
 * exports (one instance), plus every named export of the barrel (e.g. `buttonClasses`).
 */
export function muiDeepModule(name: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) return null;
  return `import * as M from '@mui/material';\nexport * from '@mui/material';\nexport default M[${JSON.stringify(name)}];\n`;
}
