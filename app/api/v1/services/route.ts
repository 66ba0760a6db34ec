import { NextResponse } from "next/server";
import { tokenRoute } from "@/lib/http/api";
import { listServices } from "@/lib/services/list-services";
import { serviceJson } from "@/lib/api/service-json";

export const dynamic = "force-dynamic";

/** GET /api/v1/services → {services: [{slug, name, idPrefix, components: [{slug, name, status}]}]} */
export const GET = tokenRoute(async () => {
  const services = await listServices();
  return NextResponse.json({ services: services.map(serviceJson) });
});
