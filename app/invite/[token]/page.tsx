import type { Metadata } from "next";
import { connection } from "next/server";
import { findLink } from "@/lib/people/find-link";
import { LinkPage } from "@/components/console/link-page";
import { PasswordForm } from "@/components/console/password-form";
import { acceptInviteAction } from "@/app/invite/[token]/actions";

export const metadata: Metadata = { title: "Accept your invitation", robots: { index: false, follow: false }, referrer: "no-referrer" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const view = await findLink("invite", token);
  return (
    <LinkPage title="Join Herald" view={view}>
      {(email) => (
        <>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
            You were invited as <strong>{email}</strong>{view.ok && view.role ? ` (${view.role})` : ""}. Choose your name and a password.
          </p>
          <PasswordForm action={acceptInviteAction.bind(null, token)} ask={{ name: true }} username={email} submit="Create my account" />
        </>
      )}
    </LinkPage>
  );
}
