// ESLint for every package (typecheck is separate: `tsc --noEmit` in `npm run lint`).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // docs/site: the docs site's own install and what Docusaurus builds (its own toolchain, not a workspace).
  { ignores: ['**/dist/**', '**/node_modules/**', '**/api-report/**', '**/coverage/**', '**/test-results/**', '.nx/**', 'docs/site/build/**', 'docs/site/.docusaurus/**', 'docs/site/generated/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // Plugins talk to the kernel only through @portico/plugin-api: never the container itself.
    files: ['plugins/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'inversify', message: 'Plugins use the factories of @portico/plugin-api, not the DI container.' },
            { name: '@portico/kernel', message: 'Plugins depend only on @portico/plugin-api (tests may use @portico/kernel).' },
          ],
          patterns: [{ group: ['@portico/*/internal'], message: 'Internal entry points are for the kernel.' }],
        },
      ],
    },
  },
  {
    // Tests may start a portal (@portico/kernel, @portico/test-utils), never reach into internals.
    files: ['plugins/**/*.test.{ts,tsx}', 'plugins/**/testing/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@portico/*/internal'], message: 'Internal entry points are for the kernel; tests use @portico/test-utils.' }] }] },
  },
  {
    // Tests read untyped JSON answers; `any` there is the honest type.
    files: ['**/*.test.{ts,tsx}', '**/testing/**', 'core/test-utils/src/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
