import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { PasswordForm } from "@/components/console/password-form";
import { changePasswordAction } from "@/app/console/account/actions";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const me = await requireUser();
  return (
    <div className="max-w-md space-y-4">
      <h1 className="text-2xl font-bold">Your account</h1>
      <p className="text-sm text-slate-700 dark:text-slate-300">{me.name}, {me.email} ({me.role}).</p>
      <section aria-labelledby="change-password" className="rounded-lg border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 p-4">
        <h2 id="change-password" className="text-lg font-semibold">Change your password</h2>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">Every session signed in before the change ends, this one too: you will sign in again.</p>
        <PasswordForm action={changePasswordAction} ask={{ current: true }} username={me.email} submit="Change password" />
      </section>
    </div>
  );
}
