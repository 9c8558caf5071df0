/**
 * Benchmarks: `npm run bench` prints each figure; `npm run bench -- --json` prints, as its last
 * line, one JSON object with every figure. Each module in bench/ exports `run()` returning its
 * figures; keys are stable (later work adds keys, never renames them). Figures are numbers, except
 * the versions of what was measured (keys ending in `_version`), which are strings such as "1.1.110".
 */
import * as fs from 'fs';
import * as path from 'path';

type Figures = Record<string, number | string>;

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const dir = path.join(__dirname, '..', 'bench');
  const modules = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  const all: Figures = {};
  for (const file of modules) {
    const mod = (await import(path.join(dir, file))) as { run: () => Promise<Figures> };
    const figures = await mod.run();
    for (const [k, v] of Object.entries(figures)) {
      all[k] = v;
      if (!json) console.log(`${k}: ${v}`);
      else console.error(`${k}: ${v}`);
    }
  }
  if (json) console.log(JSON.stringify(all));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
