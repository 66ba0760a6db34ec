import { statusCardResponse } from "@/lib/og/status-card-response";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  return statusCardResponse(new URL(req.url).searchParams.get("v"));
}
