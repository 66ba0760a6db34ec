import { currentUser } from "@/lib/auth/session";
import { errorResponse, jsonError, readQuery } from "@/lib/http/api";
import { exportSubscribersCsv } from "@/lib/subscribers/export-csv";
import { subscriberQueryInput } from "@/lib/subscribers/query-input";

export const dynamic = "force-dynamic";

/** GET /console/subscribers/export?channel&state&q → text/csv of every match (admin session). */
export async function GET(req: Request): Promise<Response> {
  const user = await currentUser();
  if (!user) return jsonError(401, "Sign in to export subscribers");
  if (user.role !== "admin") return jsonError(403, "Exporting subscribers needs an admin");
  try {
    const query = readQuery(req, subscriberQueryInput.omit({ limit: true, before: true }));
    return new Response(exportSubscribersCsv(query), { headers: {
      "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="subscribers.csv"',
      "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff",
    } });
  } catch (err) {
    return errorResponse(err);
  }
}
