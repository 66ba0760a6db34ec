import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { hasUsers } from "@/lib/people/has-users";
import { PasswordForm } from "@/components/console/password-form";
import { setupAction } from "@/app/setup/actions";

export const metadata: Metadata = { title: "Set up Herald", robots: { index: false, follow: false } };

/** Only on a database with no users; afterwards a 404, like any page that does not exist. */
export default async function SetupPage() {
  await connection();
  if (await hasUsers()) notFound();
  return (
    <main id="main" className="mx-auto mt-10 max-w-sm rounded-lg border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 p-6 shadow-sm">
      <h1 className="text-xl font-bold">Set up Herald</h1>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">Create the first admin account. You can invite everyone else from the console.</p>
      <PasswordForm action={setupAction} ask={{ name: true, email: true }} submit="Create admin account" />
    </main>
  );
}
