import { NextResponse } from "next/server";
import { readJson, tokenRoute } from "@/lib/http/api";
import { getPageSettings } from "@/lib/page/get-page-settings";
import { pageSettingsJson } from "@/lib/page/page-settings-json";
import { pageSettingsPatch } from "@/lib/page/page-settings-input";
import { updatePageSettings } from "@/lib/page/update-page-settings";

export const dynamic = "force-dynamic";

/** GET /api/v1/settings/page (admin) → {name, accentColor, supportUrl, timeZone, announcement, footerLinks}. */
export const GET = tokenRoute(async () => NextResponse.json(pageSettingsJson(await getPageSettings())), { role: "admin" });

/** PATCH /api/v1/settings/page (admin): any of those fields; null resets one to its default. */
export const PATCH = tokenRoute(async ({ req, actor }) => {
  const patch = await readJson(req, pageSettingsPatch);
  return NextResponse.json(pageSettingsJson(await updatePageSettings(patch, actor)));
}, { role: "admin" });
