import { eq } from "drizzle-orm";
import { settings } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { write } from "@/lib/db/write";
import { mergePageSettings, storedPageSettings } from "@/lib/page/get-page-settings";
import { PAGE_SETTINGS_KEY, type PageSettings } from "@/lib/page/page-settings";
import type { PageSettingsPatch } from "@/lib/page/page-settings-input";

/** Apply a validated patch to the page settings (admins only; callers check), audited before/after. */
export function updatePageSettings(patch: PageSettingsPatch, actor: Actor, now = Date.now()): Promise<PageSettings> {
  return write(async (tx) => {
    const row = (await tx.select().from(settings).where(eq(settings.key, PAGE_SETTINGS_KEY)).limit(1))[0];
    const before = storedPageSettings(row?.value);
    const after = mergePageSettings(before, patch);
    await tx.insert(settings).values({ key: PAGE_SETTINGS_KEY, value: after, updatedAt: now })
      .onConflictDoUpdate({ target: settings.key, set: { value: after, updatedAt: now } });
    await recordAudit(actor, { action: "settings.page.updated", target: PAGE_SETTINGS_KEY, detail: { before: row ? before : null, after } }, tx, now);
    return { value: after, changes: [{ kind: "page", id: PAGE_SETTINGS_KEY }] };
  });
}
