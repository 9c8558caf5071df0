import { nextTask, yielder } from '../../src/ui/yield';

/** A yielder on a clock the test moves, counting the turns it gives. */
function counted(budget: number, clock: { now: number }): { turn: () => Promise<void>; turns: () => number } {
  let n = 0;
  const turn = yielder(budget, () => clock.now, async () => void n++);
  return { turn, turns: () => n };
}

describe('yielder: the page gets a turn only once the budget has passed since the last one', () => {
  test('39 ms after the start: no turn; 41: a turn; the budget then counts from 41', async () => {
    const clock = { now: 0 };
    const { turn, turns } = counted(40, clock);
    const at = async (ms: number): Promise<number> => {
      clock.now = ms;
      await turn();
      return turns();
    };
    expect(await at(10)).toBe(0);
    expect(await at(39)).toBe(0);
    expect(await at(41)).toBe(1);
    expect(await at(80)).toBe(1);
    expect(await at(81)).toBe(2);
  });

  test('a budget of 0 gives a turn on every call', async () => {
    const { turn, turns } = counted(0, { now: 5 });
    await turn();
    await turn();
    expect(turns()).toBe(2);
  });

  test('nextTask resolves in a later task, not among the microtasks', async () => {
    let done = false;
    void nextTask().then(() => (done = true));
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect(done).toBe(false);
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(true);
  });
});
