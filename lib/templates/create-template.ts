import { templates } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { actorUserId } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { write } from "@/lib/db/write";
import type { CreateTemplateInput } from "@/lib/templates/input";
import { templateJson, type TemplateJson } from "@/lib/templates/template-json";
import { checkTemplate } from "@/lib/templates/template-rules";
import { one } from "@/db/one";

/** Save a named incident or update template; a name already used for that kind is a 409. */
export async function createTemplate(input: CreateTemplateInput, actor: Actor, now = Date.now()): Promise<TemplateJson> {
  return write(async (tx) => {
    const serviceId = await checkTemplate(tx, input);
    const { service, ...facts } = input;
    const row = await one(tx.insert(templates).values({ ...facts, serviceId, createdBy: actorUserId(actor), createdAt: now, updatedAt: now }).returning());
    await recordAudit(actor, { action: "template.created", target: String(row.id), detail: { kind: row.kind, name: row.name } }, tx, now);
    return { value: templateJson(row, service), changes: [] };
  });
}
