import { eq } from "drizzle-orm";
import { subscriberComponents } from "@/db/schema";
import { write } from "@/lib/db/write";
import { invalid } from "@/lib/errors";
import { findByToken } from "@/lib/subscribers/find-by-token";
import { resolveFilter } from "@/lib/subscribers/resolve-components";

/** Replace a subscriber's components from the manage page (none = every incident). */
export function updateFilter(token: string, components: string[]): Promise<{ address: string; count: number }> {
  return write(async (tx) => {
    const row = await findByToken(tx, "manage", token);
    if (row.unsubscribedAt !== null) throw invalid("This address is unsubscribed. Subscribe again on the status page.", { field: "token" });
    const ids = await resolveFilter(tx, components);
    await tx.delete(subscriberComponents).where(eq(subscriberComponents.subscriberId, row.id));
    for (const componentId of ids) await tx.insert(subscriberComponents).values({ subscriberId: row.id, componentId });
    return { value: { address: row.target, count: ids.length }, changes: [] };
  });
}
