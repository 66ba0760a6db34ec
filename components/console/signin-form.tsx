"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { safeCallbackPath } from "@/lib/console/safe-callback";

/** next-auth answers "CredentialsSignin" for a bad password; rate limits and "busy" are shown as sent. */
function describe(error: string, status: number): string {
  if (error === "CredentialsSignin") return "Wrong email or password";
  if (status === 429 || /too many|rate.?limit|is busy/i.test(error)) return error;
  return "Sign-in failed. Try again.";
}

export function SignInForm({ callbackUrl, email = "" }: { callbackUrl: string; email?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    const res = await signIn("credentials", {
      redirect: false, email: String(fd.get("email") ?? ""), password: String(fd.get("password") ?? ""), callbackUrl,
    }).catch(() => undefined);
    if (res?.ok && !res.error) {
      // A full load, so the layout reads the new session; judged again here against this origin.
      window.location.assign(safeCallbackPath(callbackUrl, window.location.origin));
      return;
    }
    setPending(false);
    setError(res?.error ? describe(res.error, res.status) : "Sign-in failed. Try again.");
  }

  return (
    <form onSubmit={onSubmit} className="mt-5 space-y-4" noValidate>
      <div>
        <label htmlFor="email" className="block text-sm">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required defaultValue={email}
          className="mt-1 w-full rounded border border-slate-400 dark:border-slate-600 px-3 py-2" />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required
          className="mt-1 w-full rounded border border-slate-400 dark:border-slate-600 px-3 py-2" />
      </div>
      <p role="alert" className="min-h-5 text-sm font-medium text-red-800 dark:text-red-300">{error}</p>
      <button type="submit" disabled={pending}
        className="w-full rounded bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 disabled:opacity-60">
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
