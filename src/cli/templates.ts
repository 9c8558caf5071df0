// Placeholder until this command lands; replaced by its implementation.
export async function runTemplates(_args: string[]): Promise<number> {
  process.stderr.write('bieumau: templates: not built yet\n');
  return 2;
}
