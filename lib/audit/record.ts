import { auditLog } from "@/db/schema";
import type { Tx } from "@/db/client";
import { write } from "@/lib/db/write";
import { actorLabel, actorUserId, type Actor } from "@/lib/auth/actor";

export type AuditEntry = {
  action: string;
  target?: string | null;
  detail?: Record<string, unknown>;
  ip?: string | null;
};

/** Append one audit row; pass `tx` to make it part of the change it describes, else it is a write of its own. */
export async function recordAudit(actor: Actor | null, entry: AuditEntry, tx?: Tx, at = Date.now()): Promise<void> {
  const row = {
    at,
    actorId: actor ? actorUserId(actor) : null,
    actor: actor ? actorLabel(actor) : "anonymous",
    action: entry.action,
    target: entry.target ?? null,
    detail: entry.detail ?? null,
    ip: entry.ip ?? null,
  };
  if (tx) await tx.insert(auditLog).values(row);
  else await write(async (own) => { await own.insert(auditLog).values(row); return { value: undefined, changes: [] }; });
}
