/** What the background loop has done in this process, for /api/health. On globalThis: the loop
 * runs in the instrumentation bundle, the health route in another. */
export type JobState = { lastRunAt: number | null; lastOkAt: number | null };
type LoopState = { running: boolean; instanceId: string | null; jobs: Map<string, JobState> };

const g = globalThis as unknown as { heraldLoopState?: LoopState };
export const loopState: LoopState = (g.heraldLoopState ??= { running: false, instanceId: null, jobs: new Map() });
