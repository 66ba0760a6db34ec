import type { PageSettings } from "@/lib/page/page-settings";

/** The API's view: exactly the fields PATCH takes. */
export const pageSettingsJson = (s: PageSettings): PageSettings => ({
  name: s.name, accentColor: s.accentColor, supportUrl: s.supportUrl, timeZone: s.timeZone,
  announcement: s.announcement, footerLinks: s.footerLinks, uptimeDays: s.uptimeDays,
});
