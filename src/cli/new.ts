// Placeholder until this command lands; replaced by its implementation.
export async function runNew(_args: string[]): Promise<number> {
  process.stderr.write('bieumau: new: not built yet\n');
  return 2;
}
