/** `bieumau templates`: lists the standard tables (id, version, title). */
import { TEMPLATES } from '../templates';
import { UsageError } from './args';

export function templatesListing(): string {
  const lines = TEMPLATES.map((t) => `${t.id}\tv${t.version}\t${t.name.vi}\t${t.title.vi}`);
  return `${lines.join('\n')}\n`;
}

export async function runTemplates(args: string[]): Promise<number> {
  if (args.length > 0) {
    throw new UsageError(`lệnh templates không nhận tham số: ${args.join(' ')} / templates takes no arguments: ${args.join(' ')}`);
  }
  process.stdout.write(templatesListing());
  return 0;
}
