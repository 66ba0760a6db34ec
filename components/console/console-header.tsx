import Link from "next/link";
import type { UserActor } from "@/lib/auth/session";
import { ConsoleNav } from "@/components/console/console-nav";
import { SignOutButton } from "@/components/console/sign-out-button";

export function ConsoleHeader({ user }: { user: UserActor }) {
  return (
    <header className="border-b border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3">
        <Link href="/console" className="font-bold text-slate-900 dark:text-slate-100 no-underline">Herald console</Link>
        <ConsoleNav admin={user.role === "admin"} />
        <div className="ml-auto flex items-center gap-3 text-sm">
          <span>
            Signed in as <strong>{user.name}</strong> <span className="text-slate-600 dark:text-slate-400">({user.email}, {user.role})</span>
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
