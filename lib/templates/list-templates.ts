import { asc, eq } from "drizzle-orm";
import { services, templates, type Template } from "@/db/schema";
import { getDb } from "@/db/client";
import { templateJson, type TemplateJson } from "@/lib/templates/template-json";

/** Every template (or those of one kind), incident templates first, then by name. */
export async function listTemplates(kind?: Template["kind"]): Promise<TemplateJson[]> {
  const rows = await getDb().select({ t: templates, service: services.slug }).from(templates)
    .leftJoin(services, eq(services.id, templates.serviceId))
    .where(kind ? eq(templates.kind, kind) : undefined).orderBy(asc(templates.kind), asc(templates.name));
  return rows.map((r) => templateJson(r.t, r.service));
}
