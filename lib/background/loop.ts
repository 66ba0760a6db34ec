import { randomUUID } from "node:crypto";
import { acquireLease } from "@/lib/background/lease";
import { jobs, setWaker, type Job } from "@/lib/background/jobs";

export const INSTANCE_ID = `${process.pid}-${randomUUID().slice(0, 8)}`;

/**
 * The one background loop: each job runs on its own timer, one run at a time, and only while
 * this instance holds the job's DB lease, so several app instances never double-run it.
 */
export function startLoop(): () => void {
  const timers = new Map<string, NodeJS.Timeout>();
  let stopped = false;
  for (const job of jobs.values()) {
    let running = false, again = false;
    const tick = async () => {
      if (stopped) return;
      if (running) { again = true; return; }
      running = true;
      clearTimeout(timers.get(job.name));
      try {
        if (acquireLease(`job:${job.name}`, INSTANCE_ID, Math.max(job.intervalMs * 3, 30_000))) await job.run(Date.now());
      } catch (err) {
        console.error(`[herald] job ${job.name} failed`, err);
      } finally {
        running = false;
        if (!stopped) timers.set(job.name, setTimeout(tick, again ? 0 : job.intervalMs));
        again = false;
      }
    };
    setWaker(job.name, () => void tick());
    timers.set(job.name, setTimeout(tick, 0));
  }
  return () => { stopped = true; timers.forEach((t) => clearTimeout(t)); };
}

export type { Job };
