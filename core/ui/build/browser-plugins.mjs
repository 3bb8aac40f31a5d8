// The rollup plugins both of the shell's browser builds (shared modules, app) resolve and transform with.
import json from '@rollup/plugin-json';
import nodeResolve from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import replace from '@rollup/plugin-replace';

export function browserPlugins() {
  return [
    replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
    json(),
    nodeResolve({
      browser: true,
      exportConditions: ['browser', 'module', 'import', 'production', 'default'],
      extensions: ['.tsx', '.ts', '.mjs', '.js', '.json'],
      dedupe: ['react', 'react-dom', '@emotion/react', '@emotion/styled', '@mui/material'],
    }),
    commonjs(),
  ];
}

/** MUI and React mark their modules with "use client" for server components; irrelevant here. */
export function onwarn(warning, warn) {
  if (warning.code === 'MODULE_LEVEL_DIRECTIVE' || warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
}
