import { SkipLink } from "@/components/skip-link";
import { SiteFooter } from "@/components/public/site-footer";
import { SiteHeader } from "@/components/public/site-header";

// Public pages read no session or cookie, so one rendering serves every reader.
export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SkipLink />
      <SiteHeader />
      <main id="main" className="mx-auto max-w-4xl px-4 py-8">{children}</main>
      <SiteFooter />
    </>
  );
}
