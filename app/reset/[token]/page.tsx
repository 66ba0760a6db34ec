import type { Metadata } from "next";
import { connection } from "next/server";
import { findLink } from "@/lib/people/find-link";
import { LinkPage } from "@/components/console/link-page";
import { PasswordForm } from "@/components/console/password-form";
import { resetPasswordAction } from "@/app/reset/[token]/actions";

export const metadata: Metadata = { title: "Reset your password", robots: { index: false, follow: false }, referrer: "no-referrer" };

export default async function ResetPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const view = await findLink("reset", token);
  return (
    <LinkPage title="Reset your password" view={view}>
      {(email) => (
        <>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">Choose a new password for <strong>{email}</strong>. Sessions signed in before now will end.</p>
          <PasswordForm action={resetPasswordAction.bind(null, token)} ask={{}} username={email} submit="Set new password" />
        </>
      )}
    </LinkPage>
  );
}
