import { NextResponse } from "next/server";
import { readJson, tokenRoute } from "@/lib/http/api";
import { getTargetPolicy } from "@/lib/certs/get-target-policy";
import { targetPolicyInput } from "@/lib/certs/target-policy";
import { targetPolicyJson } from "@/lib/certs/target-policy-json";
import { updateTargetPolicy } from "@/lib/certs/update-target-policy";

export const dynamic = "force-dynamic";

/** GET /api/v1/settings/monitor-targets (admin) → {allow, deny, updatedAt, defaults}. */
export const GET = tokenRoute(async () => NextResponse.json(targetPolicyJson(await getTargetPolicy())), { role: "admin" });

/** PUT /api/v1/settings/monitor-targets (admin) {allow: [...], deny: [...]} → the saved policy. */
export const PUT = tokenRoute(async ({ req, actor }) => {
  const input = await readJson(req, targetPolicyInput);
  return NextResponse.json(targetPolicyJson(await updateTargetPolicy(input, actor)));
}, { role: "admin" });
