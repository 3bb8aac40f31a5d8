import type ts from 'typescript';

export declare const RELEASE_TAGS: readonly string[];
export declare function releaseTagOf(node: ts.Node): string | undefined;
export declare function compilerOptionsOf(tsconfigFile: string): ts.CompilerOptions;
export declare function untaggedExports(entryFiles: string[], compilerOptions: ts.CompilerOptions): Array<{ name: string; file: string; line: number; entry: string }>;
