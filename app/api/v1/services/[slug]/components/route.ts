import { NextResponse } from "next/server";
import { readJson, tokenRoute } from "@/lib/http/api";
import { loadComponentJson } from "@/lib/api/service-json";
import { createComponent } from "@/lib/services/components/create-component";
import { createComponentInput } from "@/lib/services/input";

export const dynamic = "force-dynamic";

/** POST /api/v1/services/{slug}/components {name, slug?, group?, description?} → 201 with the component (admin). */
export const POST = tokenRoute<{ slug: string }>(async ({ req, actor, params }) => {
  const input = await readJson(req, createComponentInput);
  const made = await createComponent(params.slug, input, actor);
  return NextResponse.json(await loadComponentJson(params.slug, made.slug), { status: 201 });
}, { role: "admin" });
