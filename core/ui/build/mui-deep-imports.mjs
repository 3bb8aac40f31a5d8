// In a build that leaves MUI external (the charts), `@mui/material/<Name>` (MUI's documented path
// imports) becomes the `<Name>` export of the shared `@mui/material` barrel, as the handler's
// `/ui/mui/<Name>` module does for plugin bundles at runtime (src/handler/mui-deep-module.ts).
import { SHARED_UI_MODULES } from '@portico/build-config/shared-ui-modules';

const VIRTUAL = '\0portico-mui-deep:';

export function muiDeepImports() {
  return {
    name: 'portico-mui-deep-imports',
    resolveId(id) {
      const name = /^@mui\/material\/([A-Za-z][A-Za-z0-9]*)$/.exec(id)?.[1];
      if (!name || SHARED_UI_MODULES.some((m) => m.specifier === id)) return null;
      return VIRTUAL + name;
    },
    load(id) {
      if (!id.startsWith(VIRTUAL)) return null;
      const name = id.slice(VIRTUAL.length);
      return `export { ${name} as default } from '@mui/material';\nexport * from '@mui/material';\n`;
    },
  };
}
