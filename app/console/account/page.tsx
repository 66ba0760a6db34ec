import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { loadAccount } from "@/lib/people/load-account";
import { NoticeMailForm } from "@/components/console/notice-mail-form";
import { PasswordForm } from "@/components/console/password-form";
import { changePasswordAction, setNoticeMailAction } from "@/app/console/account/actions";

export const metadata: Metadata = { title: "Your account" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const section = "rounded-lg border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 p-4";

export default async function AccountPage({ searchParams }: Props) {
  const me = await requireUser();
  const q = await searchParams;
  const account = await loadAccount(me);
  const error = typeof q.error === "string" ? q.error.slice(0, 300) : null;
  return (
    <div className="max-w-md space-y-4">
      <h1 className="text-2xl font-bold">Your account</h1>
      <p className="text-sm text-slate-700 dark:text-slate-300">{me.name}, {me.email} ({me.role}).</p>
      <section aria-labelledby="notice-mail" className={section}>
        <h2 id="notice-mail" className="text-lg font-semibold">Mail for console notices</h2>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">Notices (an overdue update, a dead delivery, a certificate about to expire) show in the console banner. Each new one can also be mailed to {me.email}, once.</p>
        <NoticeMailForm action={setNoticeMailAction} current={account.noticeMail} mailOff={account.mailOff} saved={q.saved === "notice-mail"} error={error} />
      </section>
      <section aria-labelledby="change-password" className={section}>
        <h2 id="change-password" className="text-lg font-semibold">Change your password</h2>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">Every session signed in before the change ends, this one too: you will sign in again.</p>
        <PasswordForm action={changePasswordAction} ask={{ current: true }} username={me.email} submit="Change password" />
      </section>
    </div>
  );
}
