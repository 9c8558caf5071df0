// ESLint flat config: typescript-eslint for all TypeScript, eslint-plugin-office-addins for the
// Office.js rules (load before read, sync after load, no sync in a loop…), Node globals for the
// plain-JavaScript scripts. `npm run lint` lints src, test, scripts, bin, bench and the config files.
'use strict';

const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const officeAddins = require('eslint-plugin-office-addins');
const globals = require('globals');

// src/devhost/ is the in-memory Excel of the tests, the bench, the preview and `npm run excel-host`;
// it carries HyperFormula (GPL-3.0, a dev dependency). Product code never imports it, so it can never
// reach dist/ (webpack.config.js also fails the production build if it does).
const NO_DEVHOST = {
  group: ['**/devhost', '**/devhost/**', 'hyperformula', 'hyperformula/*'],
  message: 'Product code never imports the in-memory Excel (src/devhost) or HyperFormula (GPL-3.0, dev only).',
};

// The pane (src/taskpane) and the web page (src/web) never import each other: what both show (the
// findings, the check summary, the file picker, the period form, the consolidation summary, the shared
// strings) lives in src/ui, which imports neither, nor the Office.js adapter (the web page has none).
const NO_WEB = { group: ['**/web', '**/web/**'], message: 'The task pane never imports the web page (src/web): what both show lives in src/ui.' };
const NO_TASKPANE = { group: ['**/taskpane', '**/taskpane/**'], message: 'The web page and src/ui never import the task pane (src/taskpane): what both show lives in src/ui.' };
const NO_EXCEL = { group: ['**/excel', '**/excel/**'], message: 'src/ui runs in the web page too: no Office.js adapter (src/excel).' };

module.exports = tseslint.config(
  {
    ignores: ['dist/**', 'build/**', 'node_modules/**', 'coverage/**', 'test-output/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      // `const self = this` for closures over a proxy object is allowed; other aliases are not.
      '@typescript-eslint/no-this-alias': ['error', { allowedNames: ['self'] }],
      'no-eval': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // The Office.js rules read any `x.load()` / `x.value` as Excel API proxies, so they only run on
    // the code that speaks Office.js; ExcelJS code (src/xlsx, its tests) would give false findings.
    files: ['src/excel/**/*.{ts,tsx}', 'src/taskpane/**/*.{ts,tsx}'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      // The same rules as the plugin's "recommended" set, without its Prettier formatting rule.
      'office-addins/call-sync-after-load': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/no-empty-load': 'warn',
      'office-addins/no-navigational-load': 'warn',
      'office-addins/no-office-initialize': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
    },
  },
  {
    // The design's one rule of direction: core is pure, it runs in Node and the browser alike and
    // never reaches into the Office.js adapter, the file writers or React.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/excel', '**/excel/**'], message: 'core/ never imports excel/ (Office.js).' },
            { group: ['**/taskpane', '**/taskpane/**', 'react', 'react-dom', 'react-dom/*', '@fluentui/*'], message: 'core/ never imports React or the task pane.' },
            { group: ['**/xlsx', '**/xlsx/**', '**/cli/**', 'exceljs'], message: 'core/ never imports the file writers or the CLI.' },
            { group: ['fs', 'path', 'crypto', 'node:*', 'zlib', 'os', 'stream', 'buffer', 'child_process', 'worker_threads'], message: 'core/ runs in the browser too: no Node modules (file access lives in src/cli).' },
            NO_DEVHOST,
          ],
        },
      ],
    },
  },
  {
    // Sizes a reader can hold in mind: no file in src/ over 500 lines, no function or component over
    // 80. Not the string tables (one entry a line), the in-memory Excel of the tests (src/devhost) and
    // the preview page (src/preview), which never ship.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*strings.ts', 'src/devhost/**', 'src/preview/**'],
    rules: {
      'max-lines': ['error', { max: 500, skipBlankLines: false, skipComments: false }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: false, skipComments: false }],
    },
  },
  {
    // src/templates holds the built-in packs as data (JSON) only: their types and helpers live in
    // src/core/forms/template.ts, the loaded built-in pack in src/core/forms/builtin.ts. Any code file there is an error.
    files: ['src/templates/**/*.{ts,tsx,js,cjs,mjs,jsx}'],
    rules: {
      'no-restricted-syntax': ['error', { selector: 'Program', message: 'src/templates holds data (JSON packs) only; code goes in src/core.' }],
    },
  },
  {
    // The rest of the product code (core/ carries the same pattern in its own list).
    files: ['src/{excel,xlsx,cli}/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_DEVHOST] }] },
  },
  {
    files: ['src/taskpane/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_DEVHOST, NO_WEB] }] },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_DEVHOST, NO_TASKPANE] }] },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_DEVHOST, NO_TASKPANE, NO_WEB, NO_EXCEL] }] },
  },
  {
    // src/xlsx runs in the browser too (task pane, web page): no Node APIs in the whole folder. The
    // file system is the command line's (src/cli: the intake's path adapter, the writers' targets).
    files: ['src/xlsx/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['fs', 'path', 'crypto', 'node:*', 'zlib', 'os', 'stream', 'buffer', 'child_process'], message: 'src/xlsx runs in the browser: no Node modules (file access lives in src/cli).' },
            { group: ['**/cli', '**/cli/**'], message: 'src/xlsx never imports the command line.' },
            NO_DEVHOST,
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'Buffer', message: 'Browser code: use Uint8Array.' }, { name: 'process', message: 'Browser code: no process.' }],
    },
  },
  {
    // Tests may assert non-null after an expect() and build throw-away doubles.
    files: ['test/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.{js,cjs}'],
    languageOptions: {
      sourceType: 'commonjs',
      ecmaVersion: 2022,
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // The old-webview gate runs in Internet Explorer 11: ES5 only, a classic script, browser globals.
    files: ['src/gate/**/*.js'],
    languageOptions: { ecmaVersion: 5, sourceType: 'script', globals: { ...globals.browser } },
  },
  {
    // Playwright tests and the preview server run callbacks inside the page (page.evaluate).
    files: ['test/e2e/**/*.{js,cjs,mjs,ts}', 'scripts/preview*.{js,cjs,mjs,ts}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module', ecmaVersion: 2022, globals: { ...globals.node } },
  },
);
