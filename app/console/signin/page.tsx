import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { hasUsers } from "@/lib/people/has-users";
import { safeCallbackPath } from "@/lib/console/safe-callback";
import { siteUrl } from "@/lib/public/site-url";
import { SignInForm } from "@/components/console/signin-form";

export const metadata: Metadata = { title: "Sign in" };

// Where a first-run, invite or reset form sends the person next.
const DONE: Record<string, string> = {
  setup: "Your admin account is ready. Sign in with it.",
  invite: "Your account is ready. Sign in with your new password.",
  reset: "Your password was changed. Sign in with the new one.",
  password: "Your password was changed, and every session signed in before ended. Sign in again.",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const query = await searchParams;
  const callbackUrl = safeCallbackPath(query.callbackUrl, siteUrl().origin);
  if (await currentUser()) redirect(callbackUrl);
  if (!(await hasUsers())) redirect("/setup"); // a fresh install has nobody to sign in as yet
  const done = typeof query.done === "string" ? DONE[query.done] : undefined;
  const email = typeof query.email === "string" ? query.email.slice(0, 320) : "";
  return (
    <div className="mx-auto mt-10 max-w-sm rounded-lg border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 p-6 shadow-sm">
      <h1 className="text-xl font-bold">Sign in to Herald</h1>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">For responders. The public status page needs no sign-in.</p>
      {done && <p role="status" className="mt-3 rounded border border-green-700 bg-green-50 px-3 py-2 text-sm text-green-900 dark:bg-green-950 dark:text-green-100">{done}</p>}
      <SignInForm callbackUrl={callbackUrl} email={email} />
    </div>
  );
}
