import type { Metadata } from "next";
import { connection } from "next/server";
import { FAVICON_FILE } from "@/lib/page/favicon";
import { loadPageChrome } from "@/lib/page/load-page-chrome";
import { themeCssUrl } from "@/lib/page/theme-css";
import { SkipLink } from "@/components/skip-link";
import { Announcement } from "@/components/public/announcement";
import { SiteFooter } from "@/components/public/site-footer";
import { SiteHeader } from "@/components/public/site-header";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const { page, indicator } = await loadPageChrome();
  return {
    title: { default: page.name, template: `%s · ${page.name}` },
    icons: { icon: [{ url: `/${FAVICON_FILE[indicator]}`, type: "image/png", sizes: "32x32" }], apple: "/apple-touch-icon.png" },
  };
}

// Public pages read no session or cookie, so one rendering serves every reader.
export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  await connection();
  const { page } = await loadPageChrome();
  return (
    <div className="public-page">
      {/* React hoists this into <head>; the CSP forbids inline styles, so the accent is a file. */}
      <link rel="stylesheet" href={themeCssUrl(page.accentColor)} precedence="default" />
      <SkipLink />
      {page.announcement && <Announcement source={page.announcement} />}
      <SiteHeader name={page.name} logoUrl={page.logo?.url ?? null} />
      <main id="main" className="mx-auto max-w-4xl px-4 py-8">{children}</main>
      <SiteFooter supportUrl={page.supportUrl} links={page.footerLinks} timeZone={page.timeZone} />
    </div>
  );
}
