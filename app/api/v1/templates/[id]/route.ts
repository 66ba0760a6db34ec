import { NextResponse } from "next/server";
import { readJson, tokenRoute } from "@/lib/http/api";
import { deleteTemplate } from "@/lib/templates/delete-template";
import { updateTemplateInput } from "@/lib/templates/input";
import { templateIdParam } from "@/lib/templates/template-json";
import { updateTemplate } from "@/lib/templates/update-template";

export const dynamic = "force-dynamic";

/** PATCH /api/v1/templates/{id} {any create field} → 200 with the template; 404, 409 name taken, 422. */
export const PATCH = tokenRoute<{ id: string }>(async ({ req, actor, params }) => {
  const id = templateIdParam(params.id);
  const input = await readJson(req, updateTemplateInput.strict());
  return NextResponse.json(await updateTemplate(id, input, actor));
});

/** DELETE /api/v1/templates/{id} → 204; 404 if unknown. */
export const DELETE = tokenRoute<{ id: string }>(async ({ actor, params }) => {
  await deleteTemplate(templateIdParam(params.id), actor);
  return new NextResponse(null, { status: 204 });
});
