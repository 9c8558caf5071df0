/**
 * The jest projects (jest.config.js, test/support/jest-projects.js): every suite is in exactly one
 * project, sorted by what it runs, and `npm test` still runs them all.
 */
import * as fs from 'fs';
import * as path from 'path';

// Plain CommonJS read by jest.config.js.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { projectOf, suites } = require('./support/jest-projects.js') as {
  projectOf(file: string): string;
  suites: { file: string; project: string }[];
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../jest.config.js') as { projects: { displayName: string; testRegex: string[] }[]; reporters: unknown[] };

const TEST = __dirname;
const all = fs.readdirSync(TEST).filter((f) => /\.test\.tsx?$/.test(f));

test('the projects are unit, officejs, libreoffice and subprocess; every suite matches exactly one', () => {
  expect(config.projects.map((p) => p.displayName)).toEqual(['unit', 'officejs', 'libreoffice', 'subprocess']);
  for (const f of all) {
    const file = path.join(TEST, f);
    const matching = config.projects.filter((p) => p.testRegex.some((r) => new RegExp(r).test(file))).map((p) => p.displayName);
    expect([f, matching]).toEqual([f, [projectOf(file)]]);
  }
  expect(suites.map((s) => path.basename(s.file)).sort()).toEqual([...all].sort());
});

test.each([
  ['libreoffice.test.ts', 'libreoffice'],
  ['check-roundtrip.test.ts', 'libreoffice'],
  ['cli-check.test.ts', 'subprocess'],
  ['manifest.test.ts', 'subprocess'],
  ['xlsx-hostile.test.ts', 'subprocess'],
  ['excel-adapter.test.ts', 'officejs'],
  ['taskpane-check.test.tsx', 'officejs'],
  ['validate.test.ts', 'unit'],
  ['rules.test.ts', 'unit'],
  ['jest-projects.test.ts', 'unit'],
])('%s is in %s', (file, project) => {
  expect(projectOf(path.join(TEST, file))).toBe(project);
});

test('the summary reporter (test-output/jest-summary.json, read by .ci/run) stays on the whole run', () => {
  expect(config.reporters).toContain('<rootDir>/test/support/summary-reporter.js');
});
