// A build that leaves shared modules external must not bundle a package they come from: a second
// React or MUI in the charts, or a second copy of the charts in the app, breaks contexts and themes. Fails the build,
// naming the importer.

/** @param {RegExp} provided matches a node_modules path of a package the shared modules provide */
export function oneCopyGuard(provided) {
  return {
    name: 'portico-one-copy-guard',
    buildEnd(error) {
      if (error) return;
      for (const id of this.getModuleIds()) {
        const match = provided.exec(id);
        if (!match) continue;
        const importer = this.getModuleInfo(id)?.importers[0] ?? 'an unknown module';
        this.error(`This build would bundle its own copy of ${match[1]} (${id}, imported by ${importer}). Import it through a specifier listed in @portico/build-config/shared-ui-modules, or add the specifier there.`);
      }
    },
  };
}

/** What the app must take from the charts build: the charts and the MUI X packages under them. */
export const APP_PROVIDED = /[\\/]node_modules[\\/](@mui[\\/]x-[^\\/]+)[\\/]/;

/** What the charts must take from the app's shared modules: React, emotion's contexts, MUI's components and theme. */
export const CHARTS_PROVIDED = /[\\/]node_modules[\\/](react|react-dom|scheduler|@emotion[\\/](?:react|styled)|@mui[\\/](?:material|private-theming))[\\/]/;
