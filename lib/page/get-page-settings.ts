import { eq } from "drizzle-orm";
import { cache } from "react";
import { pageAssets, settings } from "@/db/schema";
import { getDb } from "@/db/client";
import { pageSettingsPatch } from "@/lib/page/page-settings-input";
import { defaultPageSettings, LOGO_KEY, logoUrl, PAGE_SETTINGS_KEY, type PageLogo, type PageSettings } from "@/lib/page/page-settings";

export type PageView = PageSettings & { logo: PageLogo | null; updatedAt: number | null };

/** The page settings as stored over the env defaults, plus the logo's public URL (once per render). */
export const getPageSettings = cache(async (): Promise<PageView> => {
  const db = getDb();
  const row = (await db.select().from(settings).where(eq(settings.key, PAGE_SETTINGS_KEY)).limit(1))[0];
  const logoRow = (await db.select({ sha256: pageAssets.sha256, contentType: pageAssets.contentType })
    .from(pageAssets).where(eq(pageAssets.key, LOGO_KEY)).limit(1))[0];
  const logo = logoRow ? { ...logoRow, url: logoUrl(logoRow.sha256, logoRow.contentType) } : null;
  return { ...storedPageSettings(row?.value), logo, updatedAt: row?.updatedAt ?? null };
});

/** A stored settings value over the env defaults (undefined: nothing stored yet). */
export function storedPageSettings(value: unknown): PageSettings {
  const defaults = defaultPageSettings();
  if (value === undefined) return defaults;
  const parsed = pageSettingsPatch.safeParse(value);
  if (parsed.success) return mergePageSettings(defaults, parsed.data);
  // Only a hand-edited row gets here: show the defaults rather than no page at all.
  console.error("[herald] the saved page settings are invalid; using the defaults");
  return defaults;
}

/** Settings after a patch: a null clears a field back to its default. */
export function mergePageSettings(base: PageSettings, patch: Partial<{ [K in keyof PageSettings]: PageSettings[K] | null }>): PageSettings {
  const d = defaultPageSettings();
  const pick = <K extends keyof PageSettings>(k: K): PageSettings[K] => (patch[k] === undefined ? base[k] : (patch[k] ?? d[k]) as PageSettings[K]);
  return {
    name: pick("name"), accentColor: pick("accentColor"), supportUrl: pick("supportUrl"),
    timeZone: pick("timeZone"), announcement: pick("announcement") || null, footerLinks: pick("footerLinks"),
    uptimeDays: pick("uptimeDays"),
  };
}
