/** A background job: run every `intervalMs` (or sooner when woken) while this instance holds its lease. */
export type Job = {
  name: string;
  intervalMs: number;
  run(now: number): Promise<void>;
};

const g = globalThis as unknown as { heraldJobs?: Map<string, Job>; heraldWake?: Map<string, () => void> };
export const jobs = (g.heraldJobs ??= new Map<string, Job>());
const wakers = (g.heraldWake ??= new Map<string, () => void>());

export function registerJob(job: Job): void {
  jobs.set(job.name, job);
}

/** Ask a job to run now instead of at its next tick (e.g. the dispatcher after a commit). */
export function wakeJob(name: string): void {
  wakers.get(name)?.();
}

export function setWaker(name: string, fn: () => void): void {
  wakers.set(name, fn);
}
