import { DEFAULT_UPTIME_DAYS, type UptimeWindow } from "@/lib/uptime/days-param";

export type FooterLink = { label: string; url: string };

/** What an admin sets about the public page; see lib/page/get-page-settings.ts for defaults. */
export type PageSettings = {
  name: string;
  accentColor: string;
  supportUrl: string | null;
  timeZone: string | null;
  announcement: string | null;
  footerLinks: FooterLink[];
  /** Days of uptime bars on the public page: 30, 60 or 90. */
  uptimeDays: UptimeWindow;
};

export type PageLogo = { sha256: string; contentType: string; url: string };

export const PAGE_SETTINGS_KEY = "page";
export const LOGO_KEY = "logo";
export const DEFAULT_ACCENT = "#2563eb";

/** The defaults: today's env vars, then Herald's own. */
export function defaultPageSettings(env: Record<string, string | undefined> = process.env): PageSettings {
  return {
    name: env.HERALD_PAGE_NAME?.trim() || "Herald status",
    accentColor: DEFAULT_ACCENT,
    supportUrl: null,
    timeZone: null,
    announcement: null,
    footerLinks: [],
    uptimeDays: DEFAULT_UPTIME_DAYS,
  };
}

export const LOGO_EXT: Record<string, string> = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp" };
export const logoUrl = (sha256: string, contentType: string) => `/logo/${sha256.slice(0, 16)}.${LOGO_EXT[contentType] ?? "bin"}`;
