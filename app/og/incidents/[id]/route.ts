import { z } from "zod";
import { incidentCardResponse } from "@/lib/og/incident-card-response";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().regex(/^[A-Za-z]{1,10}\d{1,12}$/) });
const notFound = () => new Response("No such incident\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=60" } });

export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const parsed = params.safeParse(await ctx.params);
  if (!parsed.success) return notFound();
  return (await incidentCardResponse(parsed.data.id, new URL(req.url).searchParams.get("v"))) ?? notFound();
}
