/**
 * The jest projects (jest.config.js, test/support/jest-projects.js) are the folders of test/: every
 * suite sits in one of unit/, officejs/, libreoffice/ and subprocess/ (a suite elsewhere would run in
 * no project), in the one its words say — a suite that recalculates in LibreOffice in libreoffice/,
 * one that starts processes in subprocess/ — and `npm test` still runs them all.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// Plain CommonJS read by jest.config.js.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PROJECTS, folderByWords, allSuites, TEST } = require('../support/jest-projects.js') as {
  PROJECTS: string[];
  folderByWords(file: string): string;
  allSuites(): string[];
  TEST: string;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../../jest.config.js') as { projects: { displayName: string; testMatch: string[] }[]; reporters: unknown[] };

const suites = allSuites().map((file) => ({ file, at: path.relative(TEST, file).split(path.sep) }));

test('the projects are unit, officejs, libreoffice and subprocess, each the suites of its folder', () => {
  expect(config.projects.map((p) => p.displayName)).toEqual(['unit', 'officejs', 'libreoffice', 'subprocess']);
  expect(PROJECTS).toEqual(config.projects.map((p) => p.displayName));
  for (const p of config.projects) expect([p.displayName, p.testMatch]).toEqual([p.displayName, [`<rootDir>/test/${p.displayName}/**/*.test.{ts,tsx}`]]);
});

test('every suite sits directly in a project folder', () => {
  expect(suites.length).toBeGreaterThan(90);
  expect(suites.filter((s) => s.at.length !== 2 || !PROJECTS.includes(s.at[0])).map((s) => s.at.join('/'))).toEqual([]);
});

test('every suite sits in the folder its words say', () => {
  const wrong = suites.map((s) => ({ at: s.at.join('/'), belongs: folderByWords(s.file) })).filter((s) => !s.at.startsWith(`${s.belongs}/`));
  expect(wrong.map((s) => `${s.at} belongs in test/${s.belongs}/`)).toEqual([]);
});

test.each([
  ['libreoffice/libreoffice.test.ts', 'libreoffice'],
  ['libreoffice/check-roundtrip.test.ts', 'libreoffice'],
  ['subprocess/cli-check.test.ts', 'subprocess'],
  ['subprocess/manifest.test.ts', 'subprocess'],
  ['subprocess/xlsx-hostile.test.ts', 'subprocess'],
  ['officejs/excel-adapter.test.ts', 'officejs'],
  ['officejs/taskpane-check.test.tsx', 'officejs'],
  ['unit/validate.test.ts', 'unit'],
  ['unit/rules.test.ts', 'unit'],
  ['unit/jest-projects.test.ts', 'unit'],
])('%s is where its words say: %s', (file, project) => {
  expect(folderByWords(path.join(TEST, file))).toBe(project);
});

describe('a new suite is told its folder by what it runs', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-jest-projects-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  // The words are put together here, so that this file's own words keep it in unit/.
  const word = (...parts: string[]): string => parts.join('');
  const support = word('..', '/', 'support');
  test.each([
    [`import { spawnSync } from '${word('child', '_process')}';`, 'subprocess'],
    [`import { recalc } from '${support}/${word('libre', 'office')}';`, 'libreoffice'],
    [`const r = spawnSync('${word('s', 'office')}', ['--headless']);`, 'libreoffice'],
    [`import { renderPane } from '${support}/${word('taskpane', '-harness')}';`, 'officejs'],
    [`import { createOfficeJsHost } from '../../src/${word('dev', 'host')}/officejs-node';`, 'officejs'],
    [`import { runCli } from '${support}/cli';`, 'subprocess'],
    [`import { parseCsvStrict } from '${support}/strict-csv';`, 'unit'],
    ["import { validateWorkbook } from '../../src/core/check/validate';", 'unit'],
  ])('%s → %s', (text, project) => {
    const file = path.join(dir, 'new.test.ts');
    fs.writeFileSync(file, `${text}\ntest('x', () => undefined);\n`);
    expect(folderByWords(file)).toBe(project);
  });
});

test('the summary reporter (test-output/jest-summary.json, read by .ci/run) stays on the whole run', () => {
  expect(config.reporters).toContain('<rootDir>/test/support/summary-reporter.js');
});
