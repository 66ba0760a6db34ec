import { registerJob } from "@/lib/background/jobs";
import { runMaintenanceTransitions } from "@/lib/maintenance/run-transitions";

export const MAINTENANCE_JOB = "maintenance";

/** Tick of the maintenance job (HERALD_MAINTENANCE_TICK_MS, default 10 s): how late a window may start. */
export const maintenanceTickMs = () => Number(process.env.HERALD_MAINTENANCE_TICK_MS) || 10_000;

// Imported once from start-server: the loop runs it under its own DB lease.
registerJob({ name: MAINTENANCE_JOB, intervalMs: maintenanceTickMs(), run: async (now) => { await runMaintenanceTransitions(now); } });
