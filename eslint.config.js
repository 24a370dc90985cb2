// `npm run lint` (also in .ci/run): type-aware checks that tsc does not make. A promise nobody
// awaits loses its error (and a delivery); a promise passed where a callback's result is ignored
// (an event handler, a forEach) does the same.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/', '.probe/', '.probe-build-*/', 'tests/fixtures/corpus/'] },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    // Directives other rule sets need (no-control-regex) are not ours to report.
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
);
