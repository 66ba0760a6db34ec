import { eq } from "drizzle-orm";
import { services, templates } from "@/db/schema";
import { getDb } from "@/db/client";
import { templateJson, type TemplateJson } from "@/lib/templates/template-json";

/** One template as JSON, with its service's slug; null when there is no such template. */
export async function getTemplate(id: number): Promise<TemplateJson | null> {
  const row = (await getDb().select({ t: templates, service: services.slug }).from(templates)
    .leftJoin(services, eq(services.id, templates.serviceId)).where(eq(templates.id, id)).limit(1))[0];
  return row ? templateJson(row.t, row.service) : null;
}
