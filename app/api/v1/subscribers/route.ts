import { NextResponse } from "next/server";
import { readJson, readQuery, tokenRoute } from "@/lib/http/api";
import { createSubscriber } from "@/lib/subscribers/create-subscriber";
import { createSubscriberInput } from "@/lib/subscribers/input";
import { countSubscribers, getSubscriber, listSubscribers } from "@/lib/subscribers/list-subscribers";
import { subscriberQueryInput } from "@/lib/subscribers/query-input";
import { subscriberJson } from "@/lib/subscribers/subscriber-json";

export const dynamic = "force-dynamic";

/** GET /api/v1/subscribers?channel&state&q&limit&before → {subscribers, counts, next} (admin). */
export const GET = tokenRoute(async ({ req }) => {
  const query = readQuery(req, subscriberQueryInput);
  const [page, counts] = await Promise.all([listSubscribers(query), countSubscribers()]);
  return NextResponse.json({ subscribers: page.rows.map(subscriberJson), counts, next: page.next });
}, { role: "admin" });

/** POST /api/v1/subscribers {channel, target, components?} → 201 {id, channel, state, …, secret (webhooks, once)}. */
export const POST = tokenRoute(async ({ req, actor }) => {
  const input = await readJson(req, createSubscriberInput);
  const { subscriber, secret } = await createSubscriber(input, actor);
  const row = await getSubscriber(subscriber.id);
  const body = { ...(row ? subscriberJson(row) : { id: subscriber.id }), ...(secret ? { secret } : {}) };
  return NextResponse.json(body, { status: 201, headers: { Location: `/api/v1/subscribers/${subscriber.id}` } });
}, { role: "admin" });
