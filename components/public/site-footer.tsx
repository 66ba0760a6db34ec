import Link from "next/link";

/** Feed and API links; plain anchors because they are not pages of this app's router. */
export function SiteFooter() {
  return (
    <footer className="mt-12 border-t border-slate-200 bg-slate-50">
      <div className="mx-auto max-w-4xl px-4 py-6 text-sm text-slate-700">
        <nav aria-label="Subscribe and integrate">
          <ul className="flex flex-wrap gap-x-5 gap-y-2">
            <li><Link href="/history">Incident history</Link></li>
            <li><a href="/history.rss">RSS feed</a></li>
            <li><a href="/history.atom">Atom feed</a></li>
            <li><a href="/api/v2/summary.json">Status API (JSON)</a></li>
          </ul>
        </nav>
        <p className="mt-4">Times are shown in UTC, with your local time beside them. Powered by Herald.</p>
      </div>
    </footer>
  );
}
