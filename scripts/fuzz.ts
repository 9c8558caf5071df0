/**
 * `npm run fuzz [-- --reader NAME] [--iterations N] [--seed S]`: the fuzzing campaign over every
 * reader (test/fuzz/campaign.ts; docs/reliability.md). One JSON line per reader; exit 1 on a defect.
 */
import { main } from '../test/fuzz/campaign';

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(2);
  },
);
