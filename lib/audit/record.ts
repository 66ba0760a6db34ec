import { auditLog } from "@/db/schema";
import { getDb, type Tx } from "@/db/client";
import { actorLabel, actorUserId, type Actor } from "@/lib/auth/actor";

export type AuditEntry = {
  action: string;
  target?: string | null;
  detail?: Record<string, unknown>;
  ip?: string | null;
};

/** Append one audit row; pass `tx` to make it part of the change it describes. */
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
  await (tx ?? getDb()).insert(auditLog).values(row);
}
