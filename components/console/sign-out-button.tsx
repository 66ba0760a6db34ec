"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button type="button" onClick={() => void signOut({ callbackUrl: "/console/signin" })}
      className="rounded border border-slate-400 dark:border-slate-600 bg-white dark:bg-slate-900 px-3 py-1 text-sm font-medium hover:bg-slate-100">
      Sign out
    </button>
  );
}
