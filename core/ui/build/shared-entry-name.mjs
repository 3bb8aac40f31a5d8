/** File-name-safe name of a shared module's entry chunk, e.g. `shared-react-dom-client`. */
export function sharedEntryName(specifier) {
  return `shared-${specifier.replace(/^@/, '').replace(/[^a-z0-9]+/gi, '-')}`;
}
