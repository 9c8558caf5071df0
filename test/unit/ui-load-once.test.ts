import { loadOnce } from '../../src/ui/load-once';

describe('loadOnce: a chunk loaded once, a failed load tried again', () => {
  test('calls while loading and after share one load', async () => {
    let loads = 0;
    const load = loadOnce(async () => {
      loads++;
      return { n: loads };
    });
    const [a, b] = await Promise.all([load(), load()]);
    const c = await load();
    expect(loads).toBe(1);
    expect(a).toBe(b);
    expect(c).toBe(a);
  });

  test('a failed load is forgotten: the next call loads again and succeeds', async () => {
    let loads = 0;
    const load = loadOnce(async () => {
      loads++;
      if (loads === 1) throw new Error('offline');
      return 'chunk';
    });
    await expect(load()).rejects.toThrow('offline');
    await expect(load()).resolves.toBe('chunk');
    await expect(load()).resolves.toBe('chunk');
    expect(loads).toBe(2);
  });
});
