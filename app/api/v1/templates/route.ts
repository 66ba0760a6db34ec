import { NextResponse } from "next/server";
import { readJson, tokenRoute } from "@/lib/http/api";
import { createTemplate } from "@/lib/templates/create-template";
import { createTemplateInput } from "@/lib/templates/input";
import { listTemplates } from "@/lib/templates/list-templates";

export const dynamic = "force-dynamic";

/** GET /api/v1/templates → {templates}: incident and update templates, by kind and name. */
export const GET = tokenRoute(async () => NextResponse.json({ templates: await listTemplates() }));

/** POST /api/v1/templates {kind, name, service?, title?, body, status?, impact?, components?} → 201; 409 name taken. */
export const POST = tokenRoute(async ({ req, actor }) => {
  const input = await readJson(req, createTemplateInput.strict());
  return NextResponse.json(await createTemplate(input, actor), { status: 201 });
});
