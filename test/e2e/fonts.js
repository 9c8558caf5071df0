// The fonts the browser suite runs with, and the proof of which ones drew the pane.
//
// By default Chromium sees this machine's fonts (fontconfig's own configuration). With
// `npm run test:e2e -- --fonts DIR` it sees only the font files in DIR, as on another machine:
// fontConfig() writes a fonts.conf naming DIR alone (its cache in a temporary folder), and the
// harness starts Chromium — and nothing else — with FONTCONFIG_FILE pointing at it. The generic
// sans-serif is Noto Sans when DIR has it (else Roboto, DejaVu Sans, Liberation Sans, the first
// there), and a family DIR lacks falls back to it, as fontconfig's usual configuration does.
// scripts/second-fonts.sh fills DIR from Debian's packages (docs/pane-compact.md).
//
// At the start of every run, fontProbe() opens the pane once and reports the family Chromium really
// drew its tabs in (the DevTools protocol's platform fonts, not the CSS font-family list), the one it
// draws CSS `sans-serif` in (Chromium's own default, which may differ from `fc-match sans-serif`), and
// the rendered width of the five tab labels in the tabs' font beside their width in DejaVu Sans; with --fonts, a
// drawn family that is not in DIR fails the run (the second font set was not used).
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

/** The generic sans-serif of the second font set: the first of these that DIR holds. */
const SANS_PREFERENCE = ['Noto Sans', 'Roboto', 'DejaVu Sans', 'Liberation Sans'];
/** The labels of the pane's five tabs in Vietnamese, for the rendered-width probe. */
const TAB_LABELS = ['Bảng biểu', 'Thiết lập báo cáo', 'Kiểm tra', 'Số liệu', 'Tổng hợp'];
/** The family the probe compares with: this machine's fallback (Debian's fonts-dejavu-core). */
const REFERENCE_FAMILY = 'DejaVu Sans';

const xml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Runs a fontconfig tool (`fc-match`, `fc-list`) with the environment `env`; its output, trimmed.
 * Without the tool (Debian's `fontconfig` package): throws when `required`, else says so.
 */
function fc(tool, args, env, required = false) {
  const r = spawnSync(tool, args, { env, encoding: 'utf8' });
  if (r.error) {
    const message = `${tool} is not installed (Debian's fontconfig package)`;
    if (required) throw new Error(`--fonts needs ${message}`);
    return `(${message})`;
  }
  return (r.stdout || '').trim();
}

/** The families fontconfig lists under `env` (every name of each font, deduplicated); `required` as for fc(). */
function families(env, required = false) {
  const listed = fc('fc-list', [':', 'family'], env, required);
  if (listed.startsWith('(')) return [];
  return [...new Set(listed.split('\n').flatMap((l) => l.split(',')).map((f) => f.trim()).filter(Boolean))].sort();
}

/** What fontconfig gives for a family name under `env`: `file: "Family" "Style"`. */
function match(name, env) {
  return fc('fc-match', [name.replace(/-/g, '\\-')], env);
}

/**
 * The font environment of a run: this machine's (`dir` undefined), or only the fonts in `dir`.
 * Returns `{ label, env, dir, families, lines, cleanUp }`: `env` is the environment for Chromium
 * (undefined: the suite's own), `families` what fontconfig lists there, `lines` the report printed
 * before the run, `cleanUp()` removes the temporary fonts.conf and its cache once Chromium is closed.
 */
function fontConfig(dir) {
  if (!dir) {
    const env = process.env;
    return { label: 'this machine', env: undefined, dir: undefined, families: families(env), lines: report('this machine', env), cleanUp: () => undefined };
  }
  const folder = path.resolve(dir);
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw new Error(`--fonts ${dir}: no such folder (scripts/second-fonts.sh ${dir} makes it)`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-e2e-fonts-'));
  const conf = path.join(tmp, 'fonts.conf');
  // First a configuration without the generic alias, to learn which families the folder holds.
  const write = (sans) =>
    fs.writeFileSync(
      conf,
      [
        '<?xml version="1.0"?>',
        '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
        '<fontconfig>',
        `  <dir>${xml(folder)}</dir>`,
        `  <cachedir>${xml(path.join(tmp, 'cache'))}</cachedir>`,
        ...(sans
          ? [
              // A family the folder lacks (Segoe UI, Arial…) falls back to sans-serif, as fontconfig's usual 49-sansserif.conf does.
              '  <match target="pattern"><test qual="all" name="family" compare="not_eq"><string>sans-serif</string></test>',
              '    <edit name="family" mode="append_last"><string>sans-serif</string></edit></match>',
              // "sans" too: fontconfig's name syntax reads `sans-serif` on a command line as "sans".
              ...['sans-serif', 'sans'].map((g) => `  <alias><family>${g}</family><prefer><family>${xml(sans)}</family></prefer></alias>`),
            ]
          : []),
        '</fontconfig>',
        '',
      ].join('\n'),
    );
  write(null);
  const env = { ...process.env, FONTCONFIG_FILE: conf };
  const listed = families(env, true);
  if (listed.length === 0) throw new Error(`--fonts ${dir}: no font files there (scripts/second-fonts.sh ${dir} fetches them)`);
  const sans = SANS_PREFERENCE.find((f) => listed.includes(f)) || listed[0];
  write(sans);
  const label = `fonts-${path.basename(folder)}`;
  const cleanUp = () => fs.rmSync(tmp, { recursive: true, force: true });
  return { label, env, dir: folder, families: listed, cleanUp, lines: [`e2e: fonts: only ${path.relative(process.cwd(), folder) || folder} (${listed.length} families), FONTCONFIG_FILE=${conf}`, ...report(label, env)] };
}

function report(label, env) {
  return [`e2e: fonts (${label}): fc-match sans-serif → ${match('sans-serif', env)}; fc-match "Segoe UI" → ${match('Segoe UI', env)}; fc-match Roboto → ${match('Roboto', env)}`];
}

/**
 * The pane's fonts as drawn: opens the pane (`origin`/, past its first-run screen) once in `browser`, asks the DevTools protocol
 * which platform font drew the selected tab's label, and measures the tab labels in the tabs' font
 * and in DejaVu Sans. Resolves to `{ cssFamily, drawn, widths }`.
 */
async function probePane(browser, origin, firstRunDone) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 }, locale: 'vi-VN', reducedMotion: 'reduce' });
  try {
    // The pane as on any later day (its first-run screen has no tabs).
    await context.addInitScript((key) => window.localStorage.setItem(key, '1'), firstRunDone);
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    const frame = await (await page.waitForSelector('#pane')).contentFrame();
    await frame.getByRole('tab', { name: TAB_LABELS[0], exact: true }).waitFor();
    const measured = await frame.evaluate(
      async ([labels, reference]) => {
        await document.fonts.ready;
        const tab = document.querySelector('[role="tab"][aria-selected="true"]');
        const label = [tab, ...tab.querySelectorAll('*')].find((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== ''));
        label.setAttribute('data-font-probe', '');
        const generic = document.createElement('span');
        generic.setAttribute('data-font-probe-generic', '');
        generic.style.cssText = 'position: absolute; font-family: sans-serif;';
        generic.textContent = labels.join(' ');
        document.body.appendChild(generic);
        const cs = getComputedStyle(label);
        const ctx = document.createElement('canvas').getContext('2d');
        const width = (family) => {
          ctx.font = `${cs.fontWeight} ${cs.fontSize} ${family}`;
          return Math.round(labels.reduce((sum, l) => sum + ctx.measureText(l).width, 0) * 10) / 10;
        };
        return { cssFamily: cs.fontFamily, size: cs.fontSize, weight: cs.fontWeight, pane: width(cs.fontFamily), reference: width(`'${reference}'`) };
      },
      [TAB_LABELS, REFERENCE_FAMILY],
    );
    const cdp = await context.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const find = (node) => {
      if (node.nodeName === 'IFRAME' && node.contentDocument && (node.attributes || []).join(' ').includes('pane')) return node.contentDocument;
      for (const c of [...(node.children || []), ...(node.contentDocument ? [node.contentDocument] : [])]) {
        const f = find(c);
        if (f) return f;
      }
      return null;
    };
    const doc = find(root);
    if (!doc) throw new Error("font probe: the pane's document not found");
    const drawnIn = async (selector) => {
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: doc.nodeId, selector });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      return fonts.map((f) => f.familyName);
    };
    const drawn = await drawnIn('[data-font-probe]');
    const sansSerif = await drawnIn('[data-font-probe-generic]');
    return { cssFamily: measured.cssFamily, font: `${measured.weight} ${measured.size}`, drawn, sansSerif, widths: { pane: measured.pane, [REFERENCE_FAMILY]: measured.reference } };
  } finally {
    await context.close().catch(() => undefined);
  }
}

/**
 * Probes the pane (`firstRunDone`: the storage key that says the first-run screen was seen), prints
 * what drew it, writes `fonts.json` into `out`. With a font folder, throws when the probe fails or a
 * family that drew the tabs is not one of the folder's (Chromium did not get the second set).
 */
async function fontProbe(browser, origin, fonts, out, firstRunDone) {
  let p;
  try {
    p = await probePane(browser, origin, firstRunDone);
  } catch (e) {
    // In the machine's own fonts the report is information only: the run goes on without it.
    if (fonts.dir) throw e;
    console.log(`e2e: fonts (${fonts.label}): the pane's font not probed: ${e && e.message ? e.message.split('\n')[0] : String(e)}`);
    return null;
  }
  const line = `e2e: fonts (${fonts.label}): the pane's tabs are drawn in ${p.drawn.join(' + ') || '(nothing)'} (CSS font-family ${p.cssFamily}, ${p.font}); the five tab labels ${p.widths.pane} px wide, ${p.widths[REFERENCE_FAMILY]} px in ${REFERENCE_FAMILY}; CSS sans-serif drawn in ${p.sansSerif.join(' + ')}`;
  console.log(line);
  fs.writeFileSync(path.join(out, 'fonts.json'), `${JSON.stringify({ environment: fonts.label, folder: fonts.dir || null, fontconfig: fonts.lines, families: fonts.families, pane: p }, null, 2)}\n`);
  if (fonts.dir) {
    const foreign = p.drawn.filter((f) => !fonts.families.includes(f));
    if (p.drawn.length === 0 || foreign.length > 0) throw new Error(`font probe: the pane drawn in ${foreign.join(', ') || 'no font'}, not in the fonts of ${fonts.dir}`);
  }
  return p;
}

module.exports = { fontConfig, fontProbe };
