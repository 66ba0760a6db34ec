/**
 * Run at most `n` tasks at once, the rest in arrival order. Renders queue here so that a burst
 * of re-renders after a change never crowds out the renderer's other work (API writes, forms).
 */
export function limiter(n: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    active -= 1;
    waiting.shift()?.();
  };
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await task();
    } finally {
      release();
    }
  };
}
