import { randomUUID } from "node:crypto";
import { acquireLease, leaseTtlMs, releaseLease, takeLease } from "@/lib/background/lease";
import { jobs, setWaker, type Job } from "@/lib/background/jobs";
import { loopState, type JobState } from "@/lib/background/loop-state";
import { tryWrite } from "@/lib/db/write";
import { isBusyError, isUnavailableError } from "@/lib/errors";

const g = globalThis as unknown as { heraldInstanceId?: string };
/** This process as a lease holder; on globalThis so every bundle of the process agrees. */
export const INSTANCE_ID = (g.heraldInstanceId ??= `${process.pid}-${randomUUID().slice(0, 8)}`);

/** Renew without blocking: a busy database must not freeze the process for a heartbeat. */
function renew(lease: string, ttl: number): void {
  tryWrite((tx) => acquireLease(tx, lease, INSTANCE_ID, ttl))
    .catch((err: unknown) => console.error(`[herald] could not renew lease ${lease}`, err));
}

// How long a stop waits for runs in flight: the main thread gives the renderer 2 s in all.
const STOP_WAIT_MS = 400;

/**
 * The one background loop: each job runs on its own timer, one run at a time, and only while
 * this instance holds the job's DB lease, so several app instances never double-run it.
 * The returned stop() releases the leases, so a planned restart hands over at once.
 */
export function startLoop(): () => Promise<void> {
  const timers = new Map<string, NodeJS.Timeout>();
  const ttl = leaseTtlMs();
  let stopped = false;
  const inFlight = new Set<Promise<void>>();
  loopState.running = true;
  loopState.instanceId = INSTANCE_ID;
  for (const job of jobs.values()) {
    const state: JobState = { lastRunAt: null, lastOkAt: null };
    loopState.jobs.set(job.name, state);
    const lease = `job:${job.name}`;
    let running = false, again = false, busyLogged = false;
    const tick = async () => {
      if (stopped) return;
      if (running) { again = true; return; }
      running = true;
      clearTimeout(timers.get(job.name));
      let beat: NodeJS.Timeout | undefined;
      try {
        if (await takeLease(lease, INSTANCE_ID, ttl)) { // waits for a long write elsewhere without blocking requests
          beat = setInterval(() => renew(lease, ttl), Math.max(250, Math.floor(ttl / 3)));
          state.lastRunAt = Date.now();
          const run = job.run(state.lastRunAt);
          inFlight.add(run);
          await run.finally(() => inFlight.delete(run));
          state.lastOkAt = Date.now();
        }
        busyLogged = false;
      } catch (err) {
        // A busy or unreachable database is an expected state (the next tick retries): say so once, not every tick.
        if (!isBusyError(err) && !isUnavailableError(err)) console.error(`[herald] job ${job.name} failed`, err);
        else if (!busyLogged) { busyLogged = true; console.warn(`[herald] job ${job.name} waits: the database is ${isBusyError(err) ? "busy" : "unreachable"}`); }
      } finally {
        clearInterval(beat);
        running = false;
        if (!stopped) timers.set(job.name, setTimeout(tick, again ? 0 : job.intervalMs));
        again = false;
      }
    };
    setWaker(job.name, () => void tick());
    timers.set(job.name, setTimeout(tick, 0));
  }
  return async () => {
    stopped = true;
    loopState.running = false;
    timers.forEach((t) => clearTimeout(t));
    // A run already started (a check mid-handshake, a send) finishes and records its result
    // before the leases go: the next holder would otherwise redo it, or its result is lost.
    await Promise.race([Promise.allSettled(inFlight), new Promise((r) => setTimeout(r, STOP_WAIT_MS))]);
    // One short blocking wait for the lock: another instance's job ticks write often, and a release
    // that gives up at once leaves the lease to expire (a TTL without a dispatcher). Main allows 2 s.
    await tryWrite(async (tx) => { for (const job of jobs.values()) await releaseLease(tx, `job:${job.name}`, INSTANCE_ID); }, 1_500)
      .catch(() => { /* the leases expire on their own */ });
  };
}

export type { Job };
