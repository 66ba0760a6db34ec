import { NextResponse } from "next/server";
import { tokenRoute } from "@/lib/http/api";
import { getSubscriber } from "@/lib/subscribers/list-subscribers";
import { reactivateSubscriber } from "@/lib/subscribers/reactivate-subscriber";
import { subscriberIdParam, subscriberJson } from "@/lib/subscribers/subscriber-json";

export const dynamic = "force-dynamic";

/** POST /api/v1/subscribers/{id}/reactivate → 200 with the subscriber; 409 unless quarantined (admin). */
export const POST = tokenRoute<{ id: string }>(async ({ actor, params }) => {
  const id = subscriberIdParam(params.id);
  await reactivateSubscriber(id, actor);
  const row = await getSubscriber(id);
  return NextResponse.json(row ? subscriberJson(row) : { id });
}, { role: "admin" });
