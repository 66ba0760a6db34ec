import { CARD_VERSION } from "@/lib/front-cache/version-header";
import { getPageSettings } from "@/lib/page/get-page-settings";
import { themeCss } from "@/lib/page/theme-css";

export const dynamic = "force-dynamic";

/** GET /theme.css?v=<accent>: the accent colour as a CSS variable; immutable when `v` names the current one. */
export async function GET(req: Request) {
  const { accentColor } = await getPageSettings();
  const current = new URL(req.url).searchParams.get("v") === accentColor.replace("#", "");
  return new Response(themeCss(accentColor), {
    headers: {
      "content-type": "text/css; charset=utf-8",
      "cache-control": current ? "public, max-age=31536000, immutable" : "public, max-age=0, must-revalidate",
      "x-content-type-options": "nosniff",
      // Tells the front cache which accent this file holds, so `?v=` of that accent needs no re-render.
      [CARD_VERSION]: accentColor.replace("#", "").toLowerCase(),
    },
  });
}
