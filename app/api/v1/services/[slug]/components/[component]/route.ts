import { NextResponse } from "next/server";
import { readJson, tokenRoute } from "@/lib/http/api";
import { loadComponentJson } from "@/lib/api/service-json";
import { deleteComponent } from "@/lib/services/components/delete-component";
import { updateComponent } from "@/lib/services/components/update-component";
import { updateComponentInput } from "@/lib/services/input";

export const dynamic = "force-dynamic";

type Params = { slug: string; component: string };

/** PATCH …/components/{component} {name?, description?, group?, position?, hidden?, archived?} → 200 with the component (admin). */
export const PATCH = tokenRoute<Params>(async ({ req, actor, params }) => {
  const input = await readJson(req, updateComponentInput);
  await updateComponent(params.slug, params.component, input, actor);
  return NextResponse.json(await loadComponentJson(params.slug, params.component));
}, { role: "admin" });

/** DELETE …/components/{component} → 204; 409 with the reason while incidents or monitors refer to it (admin). */
export const DELETE = tokenRoute<Params>(async ({ actor, params }) => {
  await deleteComponent(params.slug, params.component, actor);
  return new NextResponse(null, { status: 204 });
}, { role: "admin" });
