// Every export of a public package carries a TSDoc release tag, so the API reports say which parts
// are stable (`@public`), may still change (`@alpha`, `@beta`) or are not for plugin authors
// (`@internal`). Read with the TypeScript compiler API from the sources the entry points build from.
import ts from 'typescript';

/** The TSDoc release tags, from the most to the least stable. */
export const RELEASE_TAGS = ['public', 'beta', 'alpha', 'internal'];

/** The release tag in a declaration's doc comment, or undefined. */
export function releaseTagOf(node) {
  // `export const a = 1, b = 2`: the comment belongs to the statement, which the compiler gives the first declarator only.
  const commented = ts.isVariableDeclaration(node) ? node.parent.parent : node;
  for (const tag of ts.getJSDocTags(commented)) {
    if (RELEASE_TAGS.includes(tag.tagName.text)) return tag.tagName.text;
  }
  return undefined;
}

/** The compiler options of the repository's tsconfig.json (paths to the workspace sources included). */
export function compilerOptionsOf(tsconfigFile) {
  const { config, error } = ts.readConfigFile(tsconfigFile, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const dir = tsconfigFile.replace(/[\\/][^\\/]+$/, '');
  return ts.parseJsonConfigFileContent(config, ts.sys, dir).options;
}

/**
 * The exports of the given entry files whose declaration has no release tag, each once (a symbol
 * re-exported by several entries or packages, or renamed, is reported once, by the name it is declared with). Declarations in
 * node_modules are not ours to tag and are left out.
 * @param {string[]} entryFiles
 * @param {ts.CompilerOptions} compilerOptions
 * @returns {Array<{ name: string, file: string, line: number, entry: string }>}
 */
export function untaggedExports(entryFiles, compilerOptions) {
  const program = ts.createProgram(entryFiles, { ...compilerOptions, noEmit: true });
  const checker = program.getTypeChecker();
  const found = new Map();
  for (const entry of entryFiles) {
    const source = program.getSourceFile(entry);
    if (!source) throw new Error(`${entry} is not a TypeScript file the compiler can read`);
    const moduleSymbol = checker.getSymbolAtLocation(source);
    if (!moduleSymbol) continue;
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const declarations = (symbol.declarations ?? []).filter((d) => !d.getSourceFile().fileName.includes('/node_modules/'));
      if (declarations.length === 0 || declarations.some((d) => releaseTagOf(d) !== undefined)) continue;
      const declaration = declarations[0];
      const file = declaration.getSourceFile();
      const line = file.getLineAndCharacterOfPosition(declaration.getStart()).line + 1;
      const key = `${file.fileName}:${line}:${symbol.name}`;
      if (!found.has(key)) found.set(key, { name: symbol.name, file: file.fileName, line, entry });
    }
  }
  return [...found.values()].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}
