/** Thrown when a lane's queue is full: the caller answers from what it has, or 503. */
export class Busy extends Error {
  constructor() { super("render lane full"); }
}

/**
 * Run at most `n` tasks at once, the rest in arrival order, urgent ones first. Renders queue
 * here so that a burst of re-renders never crowds out the renderer's other work (API writes,
 * forms). Past `maxQueue` ordinary waiters a task is refused with Busy instead of queueing.
 */
export function limiter(n: number, maxQueue = Infinity) {
  let active = 0;
  const urgent: (() => void)[] = [], normal: (() => void)[] = [];
  const release = () => {
    active -= 1;
    (urgent.shift() ?? normal.shift())?.();
  };
  const run = async <T>(task: () => Promise<T>, isUrgent = false): Promise<T> => {
    if (active >= n) {
      const queue = isUrgent ? urgent : normal;
      if (!isUrgent && queue.length >= maxQueue) throw new Busy();
      await new Promise<void>((resolve) => queue.push(resolve));
    }
    active += 1;
    try {
      return await task();
    } finally {
      release();
    }
  };
  return Object.assign(run, { get queued() { return urgent.length + normal.length; }, get active() { return active; } });
}
