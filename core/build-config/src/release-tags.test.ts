import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { untaggedExports } from './release-tags.mjs';

describe('untaggedExports', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'portico-release-tags-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, strict: true };

  it('names each export without @public, @beta, @alpha or @internal, with its file and line, once', () => {
    writeFileSync(
      join(dir, 'things.ts'),
      [
        '/** @public */',
        'export interface Tagged { a: string }',
        '/**',
        ' * Described but untagged.',
        ' */',
        'export function untagged(): void {}',
        '/**',
        ' * A constant.',
        ' * @alpha',
        ' */',
        'export const early = 1, alsoEarly = 2;',
        'export type Bare = string;',
        '/** @internal */',
        'export class Hidden {}',
        '/** @deprecated use Tagged */',
        'export interface Deprecated { b: number }',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'index.ts'), "export * from './things';\nexport { untagged as renamed } from './things';\n");
    writeFileSync(join(dir, 'other.ts'), "export { untagged, type Tagged } from './things';\n");
    const found = untaggedExports([join(dir, 'index.ts'), join(dir, 'other.ts')], options);
    expect(found.map(({ name, file, line }) => ({ name, file, line }))).toEqual([
      { name: 'untagged', file: join(dir, 'things.ts'), line: 6 },
      { name: 'Bare', file: join(dir, 'things.ts'), line: 12 },
      { name: 'Deprecated', file: join(dir, 'things.ts'), line: 16 },
    ]);
  });

  it('finds nothing when every export is tagged', () => {
    writeFileSync(join(dir, 'index.ts'), '/** @public */\nexport const a = 1;\n/** @beta */\nexport type B = number;\n');
    expect(untaggedExports([join(dir, 'index.ts')], options)).toEqual([]);
  });
});
