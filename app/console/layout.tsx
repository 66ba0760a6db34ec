import type { Metadata } from "next";
import { currentUser } from "@/lib/auth/session";
import { listActiveNotices } from "@/lib/notices/list-active-notices";
import { SkipLink } from "@/components/skip-link";
import { ConsoleHeader } from "@/components/console/console-header";
import { NoticesBanner } from "@/components/console/notices-banner";
import { dismissNoticeAction } from "@/app/console/notice-actions";

export const metadata: Metadata = {
  title: { default: "Console", template: "%s · Herald console" },
  robots: { index: false, follow: false },
};

// Every console page still calls requireUser() itself: layouts do not re-run on navigation.
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  const notices = user ? await listActiveNotices() : [];
  return (
    <div className="min-h-screen bg-slate-50 dark:bg-slate-950">
      <SkipLink />
      {user && <ConsoleHeader user={user} />}
      {notices.length > 0 && <NoticesBanner notices={notices} dismiss={dismissNoticeAction} />}
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </div>
  );
}
