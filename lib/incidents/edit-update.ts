import { one } from "@/db/one";
import { and, eq } from "drizzle-orm";
import { incidentUpdates, type IncidentUpdate } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { write } from "@/lib/db/write";
import { conflict, notFound } from "@/lib/errors";
import type { EditUpdateInput } from "@/lib/incidents/input";

/**
 * Correct the text of a posted update (resolved incidents too: a typo in the final update
 * matters). The old text stays in the audit log; X posts already sent are not touched.
 * Saving the same text again changes nothing and records nothing.
 */
export async function editUpdate(incidentId: string, updateId: number, input: EditUpdateInput, actor: Actor, opts: { now?: number } = {}): Promise<IncidentUpdate> {
  return write(async (tx) => {
    const now = opts.now ?? Date.now();
    const row = (await tx.select().from(incidentUpdates)
      .where(and(eq(incidentUpdates.id, updateId), eq(incidentUpdates.incidentId, incidentId))).limit(1))[0];
    if (!row) throw notFound(`Incident ${incidentId} has no update ${updateId}`);
    if (row.review) throw conflict("This update is the post-incident review; edit it through the review (PUT …/review)");
    if (row.body === input.message) return { value: row, changes: [] };
    const edited = await one(tx.update(incidentUpdates).set({ body: input.message, editedAt: now })
      .where(eq(incidentUpdates.id, updateId)).returning());
    await recordAudit(actor, { action: "incident.update_edited", target: incidentId, detail: { updateId, oldMessage: row.body, newMessage: input.message } }, tx, now);
    return { value: edited, changes: [{ kind: "incident", id: incidentId }] };
  });
}
