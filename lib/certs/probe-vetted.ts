import { probe, type ProbeOutcome, type ProbeTarget } from "@/lib/certs/probe";
import { vetTarget } from "@/lib/certs/vet-target";

const where = (t: ProbeTarget) => `${t.host.includes(":") ? `[${t.host}]` : t.host}:${t.port}`;

/**
 * Probe a monitor's target only if the admin policy allows its host and every address it
 * resolves to right now; connect to those vetted addresses in turn (the next one only when
 * one refuses), never to the name, so a rebinding DNS answer cannot slip in afterwards.
 */
export async function probeVetted(target: Omit<ProbeTarget, "address">, timeoutMs?: number): Promise<ProbeOutcome> {
  const vetted = await vetTarget(target.host);
  if (!vetted.ok && vetted.reason === "denied") return { ok: false, category: "blocked", message: vetted.message, durationMs: 0 };
  if (!vetted.ok) return { ok: false, category: "connection_refused", message: `The name in ${where(target)} could not be resolved`, durationMs: 0 };
  let outcome: ProbeOutcome | null = null;
  for (const address of vetted.addresses) {
    outcome = await probe({ ...target, address }, timeoutMs);
    if (outcome.ok || outcome.category !== "connection_refused") return outcome;
  }
  return outcome ?? { ok: false, category: "connection_refused", message: `The name in ${where(target)} could not be resolved`, durationMs: 0 };
}
