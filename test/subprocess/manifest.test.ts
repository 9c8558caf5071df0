import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const VALIDATOR = path.join(ROOT, 'scripts', 'validate-manifest.js');
const manifestText = fs.readFileSync(MANIFEST, 'utf8');

const hasSystemXmllint = spawnSync('xmllint', ['--version']).error === undefined;
// xmllint-wasm always runs; Debian's xmllint too when .ci/run installed libxml2-utils.
const engines: Array<'wasm' | 'xmllint'> = hasSystemXmllint ? ['wasm', 'xmllint'] : ['wasm'];

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bieumau-manifest-'));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function writeVariant(name: string, text: string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text, 'utf8');
  return file;
}

function validate(file: string, engine: 'wasm' | 'xmllint'): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [VALIDATOR, '--engine', engine, file], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Replaces exactly one occurrence, so a broken copy differs from the original in one known place. */
function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  expect(at).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(from, at + 1)).toBe(-1);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

describe.each(engines)('offline XSD validation with %s', (engine) => {
  test('manifest.xml is valid against OfficeAppManifestV1_1.xsd', () => {
    const result = validate(MANIFEST, engine);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('valid (OfficeAppManifestV1_1.xsd');
    expect(result.status).toBe(0);
  });

  test('a misspelt element fails, with its line number', () => {
    const broken = replaceOnce(manifestText, '<ProviderName>Bieumau</ProviderName>', '<ProvderName>Bieumau</ProvderName>');
    const line = broken.split('\n').findIndex((l) => l.includes('<ProvderName>')) + 1;
    const result = validate(writeVariant('misspelt.xml', broken), engine);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('INVALID');
    expect(result.stderr).toMatch(new RegExp(`:${line}: .*ProvderName`));
  });

  test('an unknown permission fails', () => {
    const broken = replaceOnce(
      manifestText,
      '<Permissions>ReadWriteDocument</Permissions>',
      '<Permissions>ReadWriteEverything</Permissions>',
    );
    const result = validate(writeVariant('permission.xml', broken), engine);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Permissions.*ReadWriteEverything/);
  });

  test('a missing required element (Id) fails', () => {
    const broken = manifestText.replace(/<Id>[^<]*<\/Id>\s*/, '');
    const result = validate(writeVariant('no-id.xml', broken), engine);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('INVALID');
  });
});

test('the validator exits 2 on a missing file', () => {
  const result = spawnSync(process.execPath, [VALIDATOR, path.join(ROOT, 'no-such-manifest.xml')], { encoding: 'utf8' });
  expect(result.status).toBe(2);
  expect(result.stderr).toContain('no such file');
});

describe('manifest content required by issue 2', () => {
  test('an Excel task-pane add-in asking for ReadWriteDocument and ExcelApi 1.7', () => {
    expect(manifestText).toMatch(/xsi:type="TaskPaneApp"/);
    expect(manifestText.match(/<Permissions>([^<]*)<\/Permissions>/)?.[1]).toBe('ReadWriteDocument');
    expect(manifestText).toMatch(/<Host Name="Workbook"\/>/);
    expect(manifestText).toMatch(/<Set Name="ExcelApi" MinVersion="1\.7"\/>/);
    expect(manifestText.match(/<Version>([^<]*)<\/Version>/)?.[1]).toBe('1.0.0.0');
  });

  test('Vietnamese by default with an en-US override', () => {
    expect(manifestText).toContain('<DefaultLocale>vi-VN</DefaultLocale>');
    expect(manifestText).toMatch(/<DisplayName DefaultValue="Biểu mẫu thống kê">\s*<Override Locale="en-US" Value="[^"]+"\/>/);
    expect(manifestText).toMatch(/<Description DefaultValue="[^"]+">\s*<Override Locale="en-US" Value="[^"]+"\/>/);
    const shortAndLong = manifestText.match(/<bt:String id="[^"]+" DefaultValue="[^"]+">\s*<bt:Override Locale="en-US"/g) ?? [];
    const allStrings = manifestText.match(/<bt:String id=/g) ?? [];
    expect(allStrings.length).toBeGreaterThanOrEqual(3);
    expect(shortAndLong.length).toBe(allStrings.length);
  });

  test('a GUID of its own (not a template GUID)', () => {
    const id = manifestText.match(/<Id>([^<]*)<\/Id>/)?.[1] ?? '';
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // The sample id of Microsoft's add-in templates and docs, which copied manifests keep.
    expect(id).not.toBe('05c2e1c9-3e1d-406e-9a91-e9ac64854143');
  });

  test('a Home-tab button that opens the task pane', () => {
    expect(manifestText).toMatch(/<OfficeTab id="TabHome">[\s\S]*<Control xsi:type="Button"[\s\S]*<Action xsi:type="ShowTaskpane">/);
  });

  test('every icon the manifest names exists in assets/ with the size it claims', () => {
    const names = [...manifestText.matchAll(/https:\/\/localhost:3000\/assets\/(icon-(\d+)\.png)/g)];
    expect(new Set(names.map((m) => m[2]))).toEqual(new Set(['16', '32', '64', '80']));
    for (const [, file, size] of names) {
      const png = fs.readFileSync(path.join(ROOT, 'assets', file));
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(Number(size)); // IHDR width
      expect(png.readUInt32BE(20)).toBe(Number(size)); // IHDR height
    }
  });
});

describe('the manifest that the build writes to dist/', () => {
  type CopyPattern = { from: string; to: string; transform?: (content: Buffer) => string };
  type Config = { name: string; plugins: Array<{ patterns?: CopyPattern[] }> };
  // webpack.config.js is plain CommonJS (webpack's own format); its shape is checked right here.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require('../../webpack.config.js') as (
    env: Record<string, unknown>,
    argv: { mode: string },
  ) => Promise<Config | Config[]>;

  async function builtManifest(addinUrl: string | undefined): Promise<string> {
    const saved = process.env.ADDIN_URL;
    if (addinUrl === undefined) delete process.env.ADDIN_URL;
    else process.env.ADDIN_URL = addinUrl;
    try {
      // A production build is two configurations: the add-in (which copies the manifest) and the single-file page.
      const configs = ([] as Config[]).concat(await makeConfig({}, { mode: 'production' }));
      expect(configs.map((c) => c.name)).toEqual(['addin', 'single-file']);
      const config = configs[0];
      const pattern = config.plugins.flatMap((p) => p.patterns ?? []).find((p) => p.from === 'manifest.xml');
      expect(pattern?.transform).toBeDefined();
      return pattern!.transform!(Buffer.from(manifestText, 'utf8'));
    } finally {
      if (saved === undefined) delete process.env.ADDIN_URL;
      else process.env.ADDIN_URL = saved;
    }
  }

  test('has the production address everywhere and still validates', async () => {
    const text = await builtManifest('https://addin.tinh.gov.vn/bieumau');
    expect(text).not.toContain('https://localhost');
    expect(text).toContain('<SourceLocation DefaultValue="https://addin.tinh.gov.vn/bieumau/taskpane.html"/>');
    const result = validate(writeVariant('built.xml', text), 'wasm');
    expect(result.status).toBe(0);
  });

  test('defaults to the documented placeholder address', async () => {
    const text = await builtManifest(undefined);
    expect(text).toContain('https://bieumau.example.gov.vn/taskpane.html');
  });

  test('refuses a plain-http production address', async () => {
    await expect(builtManifest('http://addin.tinh.gov.vn/')).rejects.toThrow(/https/);
  });
});
