import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/health/check-health";

export const dynamic = "force-dynamic";

export async function GET() {
  const h = await checkHealth();
  return NextResponse.json(
    { status: h.ok ? "ok" : "error", database: h.database },
    { status: h.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
