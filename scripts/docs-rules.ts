/**
 * `npm run docs:rules` writes docs/rules.md from the rule registry (src/core/check/rules.ts).
 * `--check` writes nothing and exits 1 when the file differs from the generated text.
 */
import * as fs from 'fs';
import * as path from 'path';
import { rulesMarkdown } from '../src/core/check/rules';

const file = path.join(__dirname, '..', 'docs', 'rules.md');
const text = rulesMarkdown();
if (process.argv.includes('--check')) {
  const now = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
  if (now !== text) {
    process.stderr.write('docs/rules.md khác với bản sinh từ src/core/check/rules.ts: chạy npm run docs:rules / docs/rules.md differs from src/core/check/rules.ts: run npm run docs:rules\n');
    process.exit(1);
  }
} else {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  process.stdout.write(`${path.relative(process.cwd(), file)}\n`);
}
