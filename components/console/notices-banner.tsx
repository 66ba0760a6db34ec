import Link from "next/link";
import type { Notice } from "@/db/schema";
import { noticeLinks } from "@/lib/notices/console-link";
import { LocalTime } from "@/components/local-time";

const TONE: Record<Notice["level"], string> = {
  critical: "border-red-700 bg-red-50 dark:bg-red-950 text-red-950 dark:text-red-100",
  warning: "border-amber-600 bg-amber-50 dark:bg-amber-950 text-amber-950 dark:text-amber-100",
  info: "border-blue-700 bg-blue-50 dark:bg-blue-950 text-blue-950 dark:text-blue-100",
};
const LABEL: Record<Notice["level"], string> = { critical: "Critical", warning: "Warning", info: "Info" };

/** Responder-only alerts (certificate expiry and the like) until someone dismisses them. */
export function NoticesBanner({ notices, dismiss }: { notices: Notice[]; dismiss: (fd: FormData) => Promise<void> }) {
  return (
    <section aria-label="Notices" className="mx-auto max-w-6xl space-y-2 px-4 pt-4">
      {notices.map((n) => (
        <div key={n.id} className={`flex flex-wrap items-center gap-3 rounded border-l-4 px-4 py-2 text-sm ${TONE[n.level]}`} data-notice-id={n.id}>
          <strong className="uppercase tracking-wide">{LABEL[n.level]}</strong>
          <span className="flex-1">{n.message}</span>
          <span className="text-xs"><LocalTime ms={n.createdAt} /></span>
          {noticeLinks(n).map((l) => <Link key={l.path} href={l.path}>{l.label}</Link>)}
          <form action={dismiss}>
            <input type="hidden" name="id" value={n.id} />
            <button type="submit" className="rounded border border-current px-2 py-0.5 font-medium">
              Dismiss<span className="sr-only"> notice: {n.message}</span>
            </button>
          </form>
        </div>
      ))}
    </section>
  );
}
