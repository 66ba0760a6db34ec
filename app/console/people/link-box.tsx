import { ReaderTime } from "@/components/reader-time";
import { formatUtc, toIso } from "@/lib/public/format-time";
import type { OneTimeLink } from "@/app/console/people/state";

/** The one-time link, shown once: Herald keeps only its hash and cannot show it again. */
export function LinkBox({ link, what }: { link: OneTimeLink; what: string }) {
  return (
    <div className="mt-3 rounded border border-amber-300 dark:border-amber-800 bg-amber-50 dark:bg-amber-950 p-3" data-testid="one-time-link">
      <p className="text-sm font-medium">{what} for {link.email}. Send this link yourself; it is shown only once and works once, until <time dateTime={toIso(link.expiresAt)}>{formatUtc(link.expiresAt)}<ReaderTime ms={link.expiresAt} /></time>.</p>
      <input readOnly value={link.url} aria-label={`${what} link for ${link.email}`} onFocus={(e) => e.currentTarget.select()}
        className="mt-2 w-full rounded border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 px-2 py-1 font-mono text-sm" />
    </div>
  );
}
