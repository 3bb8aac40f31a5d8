import type { AppManifest } from './app-files';
import type { PluginUiBundleStatus } from './plugin-bundle';

export interface BootData {
  title: string;
  uiApiVersion: string;
  plugins: PluginUiBundleStatus[];
}

const ASSETS = '/ui/assets/';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON inside a <script> must not be able to close it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * The one HTML page of the SPA. The import map points every shared specifier at the shell's
 * own module instances, and `@mui/material/<Name>` deep imports at small re-export modules,
 * so plugin bundles loaded later resolve to the same React and MUI the shell renders with.
 */
export function renderIndexHtml(manifest: AppManifest, boot: BootData): string {
  const imports: Record<string, string> = { '@mui/material/': '/ui/mui/' };
  for (const [specifier, file] of Object.entries(manifest.shared)) imports[specifier] = ASSETS + file;
  const preloads = manifest.initial.map((file) => `<link rel="modulepreload" href="${ASSETS}${file}">`).join('\n    ');
  const styles = manifest.css.map((file) => `<link rel="stylesheet" href="${ASSETS}${file}">`).join('\n    ');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${escapeHtml(boot.title)}</title>
    <script type="importmap">${scriptJson({ imports })}</script>
    <script type="application/json" id="portico-boot">${scriptJson(boot)}</script>
    ${preloads}
    ${styles}
  </head>
  <body>
    <div id="root"></div>
    <noscript>Portico needs JavaScript.</noscript>
    <script type="module" src="${ASSETS}${manifest.app}"></script>
  </body>
</html>
`;
}
