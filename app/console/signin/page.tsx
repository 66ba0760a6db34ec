import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/console/safe-callback";
import { siteUrl } from "@/lib/public/site-url";
import { SignInForm } from "@/components/console/signin-form";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl, siteUrl().origin);
  if (await currentUser()) redirect(callbackUrl);
  return (
    <div className="mx-auto mt-10 max-w-sm rounded-lg border border-slate-300 bg-white p-6 shadow-sm">
      <h1 className="text-xl font-bold">Sign in to Herald</h1>
      <p className="mt-1 text-sm text-slate-700">For responders. The public status page needs no sign-in.</p>
      <SignInForm callbackUrl={callbackUrl} />
    </div>
  );
}
