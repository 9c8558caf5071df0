/**
 * The single-file web page (dist/bieumau.html, production build):
 * - `single_file_kb`: its size in KB (1 KB = 1024 bytes; the budget is 2 MB, checked by `npm run size`);
 * - `single_file_ready_ms`: from opening it in Chromium from the disk (file://, network off) to a
 *   usable Kiểm tra tab (the tab chosen and its file button enabled, the reader loaded), wall time,
 *   median of 3 runs, each in a fresh browser context.
 * Builds dist/ (`npm run build`) when dist/bieumau.html is missing.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';

const RUNS = 3;

export async function run(): Promise<Record<string, number>> {
  const root = path.join(__dirname, '..');
  const file = path.join(root, 'dist', 'bieumau.html');
  if (!fs.existsSync(file)) {
    const b = spawnSync('npx', ['webpack', '--mode', 'production'], { cwd: root, encoding: 'utf8' });
    if (b.status !== 0) throw new Error(`npm run build failed: ${b.stderr}`);
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ offline: true });
      const page = await context.newPage();
      page.setDefaultTimeout(120000);
      const t0 = process.hrtime.bigint();
      await page.goto(pathToFileURL(file).href);
      await page.getByRole('tab', { name: 'Kiểm tra' }).click();
      await page.locator('html[data-engines="ready"]').waitFor();
      const button = page.getByRole('button', { name: 'Chọn tệp .xlsx' });
      await button.waitFor();
      if (await button.isDisabled()) throw new Error('the Kiểm tra file button is disabled');
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      await context.close();
    }
    times.sort((a, b) => a - b);
    return { single_file_kb: Math.round(fs.statSync(file).size / 1024), single_file_ready_ms: Math.round(times[Math.floor(times.length / 2)]) };
  } finally {
    await browser.close();
  }
}
