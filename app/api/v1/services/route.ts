import { NextResponse } from "next/server";
import { readJson, tokenRoute } from "@/lib/http/api";
import { loadServiceJson, serviceJson } from "@/lib/api/service-json";
import { createService } from "@/lib/services/create-service";
import { createServiceInput } from "@/lib/services/input";
import { listServices } from "@/lib/services/list-services";

export const dynamic = "force-dynamic";

/** GET /api/v1/services → {services: [{slug, name, idPrefix, …, components: [{slug, name, status, group, …}]}]}, hidden and archived included. */
export const GET = tokenRoute(async () => {
  const services = await listServices("all");
  return NextResponse.json({ services: services.map(serviceJson) });
});

/** POST /api/v1/services {name, slug?, idPrefix, description?, components?} → 201 with the service (admin; 409 duplicate, 422 bad field). */
export const POST = tokenRoute(async ({ req, actor }) => {
  const input = await readJson(req, createServiceInput);
  const made = await createService(input, actor);
  return NextResponse.json(await loadServiceJson(made.slug), { status: 201 });
}, { role: "admin" });
