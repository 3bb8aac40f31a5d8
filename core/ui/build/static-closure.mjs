/**
 * The files a chunk of `bundle` loads statically, and the specifiers it imports from outside the
 * bundle (shared modules, resolved by the handler through their manifests), stopping at files
 * in `skip`.
 * @returns {{ files: string[], shared: string[] }}
 */
export function staticClosure(bundle, fileName, skip = new Set()) {
  const files = new Set();
  const shared = new Set();
  const visit = (name) => {
    if (skip.has(name) || files.has(name)) return;
    files.add(name);
    for (const imported of bundle[name].imports) {
      if (bundle[imported]) visit(imported);
      else shared.add(imported);
    }
  };
  visit(fileName);
  return { files: [...files], shared: [...shared] };
}
