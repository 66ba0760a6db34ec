import { NextResponse } from "next/server";
import { readJson, tokenRoute } from "@/lib/http/api";
import { loadServiceJson } from "@/lib/api/service-json";
import { deleteService } from "@/lib/services/delete-service";
import { updateServiceInput } from "@/lib/services/input";
import { updateService } from "@/lib/services/update-service";

export const dynamic = "force-dynamic";

type Params = { slug: string };

/** GET /api/v1/services/{slug} → the service as the list shows it (404 if unknown). */
export const GET = tokenRoute<Params>(async ({ params }) => NextResponse.json(await loadServiceJson(params.slug)));

/** PATCH /api/v1/services/{slug} {name?, description?, idPrefix?, position?, hidden?, archived?} → 200 with the service (admin). */
export const PATCH = tokenRoute<Params>(async ({ req, actor, params }) => {
  const input = await readJson(req, updateServiceInput);
  await updateService(params.slug, input, actor);
  return NextResponse.json(await loadServiceJson(params.slug));
}, { role: "admin" });

/** DELETE /api/v1/services/{slug} → 204; 409 with the reason while incidents, monitors or templates refer to it (admin). */
export const DELETE = tokenRoute<Params>(async ({ actor, params }) => {
  await deleteService(params.slug, actor);
  return new NextResponse(null, { status: 204 });
}, { role: "admin" });
