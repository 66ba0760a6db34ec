import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { pageAssets } from "@/db/schema";
import { write } from "@/lib/db/write";
import { LOGO_KEY } from "@/lib/page/page-settings";

/** Remove the page logo (the header shows the name alone); audited. Removing none is a no-op. */
export function removeLogo(actor: Actor, now = Date.now()): Promise<{ removed: boolean }> {
  return write<{ removed: boolean }>(async (tx) => {
    const gone = await tx.delete(pageAssets).where(eq(pageAssets.key, LOGO_KEY)).returning({ sha256: pageAssets.sha256 });
    if (gone.length === 0) return { value: { removed: false }, changes: [] };
    await recordAudit(actor, { action: "settings.logo.removed", target: LOGO_KEY, detail: { sha256: gone[0]?.sha256 } }, tx, now);
    return { value: { removed: true }, changes: [{ kind: "page", id: LOGO_KEY }] };
  });
}
