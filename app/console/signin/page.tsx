import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/console/safe-callback";
import { SignInForm } from "@/components/console/signin-form";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  return (
    <div className="mx-auto mt-10 max-w-sm rounded-lg border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 p-6 shadow-sm">
      <h1 className="text-xl font-bold">Sign in to Herald</h1>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">For responders. The public status page needs no sign-in.</p>
      <SignInForm callbackUrl={callbackUrl} />
    </div>
  );
}
