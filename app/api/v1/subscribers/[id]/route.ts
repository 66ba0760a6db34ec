import { NextResponse } from "next/server";
import { tokenRoute } from "@/lib/http/api";
import { notFound } from "@/lib/errors";
import { getSubscriber } from "@/lib/subscribers/list-subscribers";
import { removeSubscriber } from "@/lib/subscribers/remove-subscriber";
import { subscriberIdParam, subscriberJson } from "@/lib/subscribers/subscriber-json";

export const dynamic = "force-dynamic";

/** GET /api/v1/subscribers/{id} → the subscriber (404 if unknown; admin). */
export const GET = tokenRoute<{ id: string }>(async ({ params }) => {
  const row = await getSubscriber(subscriberIdParam(params.id));
  if (!row) throw notFound(`No subscriber ${params.id}`);
  return NextResponse.json(subscriberJson(row));
}, { role: "admin" });

/** DELETE /api/v1/subscribers/{id} → 204; its pending deliveries are skipped (admin). */
export const DELETE = tokenRoute<{ id: string }>(async ({ actor, params }) => {
  await removeSubscriber(subscriberIdParam(params.id), actor);
  return new NextResponse(null, { status: 204 });
}, { role: "admin" });
