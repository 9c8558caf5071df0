/**
 * `web_check_ms_124`: the web page (dist/web/, production build) checking 124 filled workbooks in
 * Chromium (playwright-core, /usr/bin/chromium or $CHROMIUM) — copies of the `--sample` workbook
 * with HĐND made equal, so every file is clean — from choosing the files in Kiểm tra to the summary
 * on screen, wall time in ms, median of 3 runs, each in a freshly loaded page whose reader is
 * already in and whose Kiểm tra tab is on screen (as a clerk meets it: the tab has loaded while the
 * file dialog was open). Builds dist/ (`npm run build`) when dist/web/index.html is missing.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeCleanSamples } from './support/cli';

const FILES = 124;
const RUNS = 3;

export async function run(): Promise<Record<string, number>> {
  const root = path.join(__dirname, '..');
  const dist = path.join(root, 'dist');
  if (!fs.existsSync(path.join(dist, 'web', 'index.html'))) {
    const b = spawnSync('npx', ['webpack', '--mode', 'production'], { cwd: root, encoding: 'utf8' });
    if (b.status !== 0) throw new Error(`npm run build failed: ${b.stderr}`);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startPreviewServer } = require('../scripts/preview.js') as {
    startPreviewServer(o: { port: number; host: string; dist: string }): Promise<{ server: { close(): void }; port: number }>;
  };
  const { chromium } = await import('playwright-core');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-bench-web-'));
  const { server, port } = await startPreviewServer({ port: 0, host: '127.0.0.1', dist });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const files = await writeCleanSamples(dir, FILES);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.newPage();
      page.setDefaultTimeout(300000);
      await page.goto(`http://127.0.0.1:${port}/web/`);
      await page.locator('html[data-engines="ready"]').waitFor();
      await page.getByRole('tab', { name: 'Kiểm tra' }).click();
      // The tab is on screen before the files are chosen, as when a clerk opens the file dialog.
      await page.getByTestId('file-input').waitFor({ state: 'attached' });
      const t0 = process.hrtime.bigint();
      await page.getByTestId('file-input').setInputFiles(files);
      const summary = page.locator('[data-testid="web-check-summary"][data-run="1"]');
      await summary.waitFor();
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      const text = (await summary.textContent()) ?? '';
      if (!text.startsWith(`Đã kiểm tra ${FILES} tệp: ${FILES} tệp không có lỗi`)) throw new Error(`bench files should all be clean: ${text}`);
      times.push(ms);
      await page.close();
    }
    times.sort((a, b) => a - b);
    return { web_check_ms_124: Math.round(times[Math.floor(times.length / 2)]) };
  } finally {
    await browser.close();
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
