/** Thrown when a lane's queue is full: the caller answers from what it has, or 503. */
export class Busy extends Error {
  constructor() { super("render lane full"); }
}

/**
 * Run at most `n` tasks at once, the rest in arrival order. Renders queue
 * here so that a burst of re-renders never crowds out the renderer's other work (API writes,
 * forms). Past `maxQueue` ordinary waiters a task is refused with Busy instead of queueing.
 */
export function limiter(n: number, maxQueue = Infinity) {
  let active = 0;
  const waiting: (() => void)[] = [];
  let idlers: (() => void)[] = [];
  // A finished task hands its slot straight to the next waiter, so `active` never dips between them.
  const release = () => {
    const next = waiting.shift();
    if (next) return next();
    active -= 1;
    if (active === 0) { for (const done of idlers) done(); idlers = []; }
  };
  /** Resolves once nothing runs or waits here, or after `maxMs` (whichever comes first). */
  const idle = (maxMs: number) => active === 0 ? Promise.resolve() : new Promise<void>((resolve) => {
    idlers.push(resolve);
    setTimeout(resolve, maxMs).unref();
  });
  const run = async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= n) {
      if (waiting.length >= maxQueue) throw new Busy();
      await new Promise<void>((resolve) => waiting.push(resolve));
    } else active += 1;
    try {
      return await task();
    } finally {
      release();
    }
  };
  return Object.assign(run, { idle });
}
