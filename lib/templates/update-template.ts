import { one } from "@/db/one";
import { eq } from "drizzle-orm";
import { services, templates } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { write } from "@/lib/db/write";
import { notFound } from "@/lib/errors";
import type { UpdateTemplateInput } from "@/lib/templates/input";
import { templateJson, type TemplateJson } from "@/lib/templates/template-json";
import { checkTemplate } from "@/lib/templates/template-rules";

/** Change any fields of a template; absent fields stay, `service: null` means any service. */
export async function updateTemplate(id: number, input: UpdateTemplateInput, actor: Actor, now = Date.now()): Promise<TemplateJson> {
  return write(async (tx) => {
    const row = (await tx.select({ t: templates, service: services.slug }).from(templates)
      .leftJoin(services, eq(services.id, templates.serviceId)).where(eq(templates.id, id)).limit(1))[0];
    if (!row) throw notFound(`No template ${id}`);
    const { service: newService, ...rest } = input;
    const service = newService === undefined ? row.service : (newService || null);
    const next = { ...row.t, ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)), service };
    const serviceId = await checkTemplate(tx, next, id);
    const saved = await one(tx.update(templates).set({
      kind: next.kind, name: next.name, serviceId, title: next.title, body: next.body, status: next.status,
      impact: next.impact, components: next.components, updatedAt: now,
    }).where(eq(templates.id, id)).returning());
    await recordAudit(actor, { action: "template.updated", target: String(id), detail: { kind: saved.kind, name: saved.name, fields: Object.keys(input) } }, tx, now);
    return { value: templateJson(saved, service), changes: [] };
  });
}
