import Link from "next/link";
import type { FooterLink } from "@/lib/page/page-settings";

/** Feed and API links, then the admin's support and footer links; plain anchors (not router pages). */
export function SiteFooter({ supportUrl, links, timeZone }: { supportUrl: string | null; links: FooterLink[]; timeZone: string | null }) {
  return (
    <footer className="mt-12 border-t border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto max-w-4xl px-4 py-6 text-sm text-slate-700 dark:text-slate-300">
        <nav aria-label="Subscribe and integrate">
          <ul className="flex flex-wrap gap-x-5 gap-y-2">
            <li><Link href="/history">Incident history</Link></li>
            <li><a href="/history.rss">RSS feed</a></li>
            <li><a href="/history.atom">Atom feed</a></li>
            <li><a href="/api/v2/summary.json">Status API (JSON)</a></li>
          </ul>
        </nav>
        {(supportUrl || links.length > 0) && (
          <nav aria-label="Help and links" className="mt-3">
            <ul className="flex flex-wrap gap-x-5 gap-y-2">
              {supportUrl && <li><a href={supportUrl} rel="noopener">Contact support</a></li>}
              {links.map((l) => <li key={`${l.label}${l.url}`}><a href={l.url} rel="noopener">{l.label}</a></li>)}
            </ul>
          </nav>
        )}
        <p className="mt-4">Times are shown in {timeZone ?? "UTC"}, with your local time beside them. Powered by Herald.</p>
      </div>
    </footer>
  );
}
