// Placeholder until this command lands; replaced by its implementation.
export async function runCheck(_args: string[]): Promise<number> {
  process.stderr.write('bieumau: check: not built yet\n');
  return 2;
}
