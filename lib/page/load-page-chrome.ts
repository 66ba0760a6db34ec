import { cache } from "react";
import { getPageSettings, type PageView } from "@/lib/page/get-page-settings";
import { listServices } from "@/lib/services/list-services";
import { overallStatus, type Indicator } from "@/lib/status/overall";

/** What every public page wraps itself in: the page settings and the overall status (for the favicon); once per render. */
export const loadPageChrome = cache(async (): Promise<{ page: PageView; indicator: Indicator }> => {
  const [page, services] = await Promise.all([getPageSettings(), listServices("public")]);
  return { page, indicator: overallStatus(services.flatMap((s) => s.components.map((c) => c.status))).indicator };
});
