import { eq } from "drizzle-orm";
import { templates } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { write } from "@/lib/db/write";
import { notFound } from "@/lib/errors";

/** Delete a template (nothing refers to one: incidents keep the text they were opened with). */
export async function deleteTemplate(id: number, actor: Actor, now = Date.now()): Promise<void> {
  return write(async (tx) => {
    const gone = (await tx.delete(templates).where(eq(templates.id, id)).returning())[0];
    if (!gone) throw notFound(`No template ${id}`);
    await recordAudit(actor, { action: "template.deleted", target: String(id), detail: { kind: gone.kind, name: gone.name } }, tx, now);
    return { value: undefined, changes: [] };
  });
}
