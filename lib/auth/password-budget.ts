import { processWide } from "@/lib/limits/process-wide";

/** Password checks (scrypt, 16 MB and ~50 ms each) allowed in flight at once, process-wide. */
export const signinConcurrency = () => {
  const n = Number(process.env.HERALD_SIGNIN_CONCURRENCY);
  return Number.isInteger(n) && n > 0 ? n : 4;
};

// One count for the whole process, whichever bundle's copy of this module is asking.
const slots = processWide("password-slots", () => ({ inFlight: 0 }));

/**
 * Take one of the slots synchronously, or null when all are taken: the caller then refuses at
 * once instead of queueing, so a flood costs neither memory nor CPU. Call the result to release.
 */
export function takePasswordSlot(): (() => void) | null {
  if (slots.inFlight >= signinConcurrency()) return null;
  slots.inFlight++;
  let released = false;
  return () => { if (!released) { released = true; slots.inFlight--; } };
}
