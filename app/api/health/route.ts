import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/health/check-health";

export const dynamic = "force-dynamic";

/** 200 {"status":"ok",…} while the database answers, else 503; public, so it names nothing secret. */
export async function GET() {
  const h = await checkHealth();
  return NextResponse.json(
    { status: h.ok ? "ok" : "error", database: h.database, background: h.background },
    { status: h.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
