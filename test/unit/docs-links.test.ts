/**
 * The links of README.md and docs/*.md: every relative link names a file of the repository, and
 * every #anchor names a heading of its page, spelled as GitHub spells heading anchors. README.md
 * stays at most 200 lines.
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const DOCS = fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`);
const PAGES = ['README.md', ...DOCS];

/** GitHub's anchor of a heading: lower case, punctuation but `-` and `_` dropped, spaces → `-`. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchors(file: string): Set<string> {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set(text.split('\n').filter((l) => /^#{1,6} /.test(l)).map((l) => anchorOf(l.replace(/^#+ /, ''))));
}

function links(file: string): { target: string; anchor: string | null }[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8').replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  const out: { target: string; anchor: string | null }[] = [];
  for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    const href = m[1];
    if (/^[a-z]+:/.test(href)) continue;
    const [p, a] = href.split('#');
    const target = p === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), p));
    out.push({ target, anchor: a ?? null });
  }
  return out;
}

test('anchorOf spells anchors as GitHub does', () => {
  expect(anchorOf('How a table is found / Cách tìm biểu trong sổ')).toBe('how-a-table-is-found--cách-tìm-biểu-trong-sổ');
  expect(anchorOf('`bieumau new OUT.xlsx [options]`')).toBe('bieumau-new-outxlsx-options');
  expect(anchorOf('Trying a snippet: `npm run excel-host`')).toBe('trying-a-snippet-npm-run-excel-host');
});

test('the links are found: README links every page of docs/, with anchors where it names a section', () => {
  const readme = links('README.md');
  for (const page of DOCS) expect(readme.map((l) => l.target)).toContain(page);
  expect(readme.filter((l) => l.anchor !== null).map((l) => `${l.target}#${l.anchor}`)).toContain('docs/architecture.md#how-the-layers-are-proven-without-excel');
});

test('README.md is at most 200 lines', () => {
  expect(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').split('\n').length).toBeLessThanOrEqual(200);
});

test.each(PAGES)('%s: every relative link and anchor resolves', (page) => {
  const broken: string[] = [];
  for (const { target, anchor } of links(page)) {
    if (!fs.existsSync(path.join(ROOT, target))) {
      broken.push(`${target} (no such file)`);
      continue;
    }
    if (anchor !== null && target.endsWith('.md') && !anchors(target).has(anchor)) broken.push(`${target}#${anchor}`);
  }
  expect(broken).toEqual([]);
});
