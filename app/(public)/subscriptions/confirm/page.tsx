import type { Metadata } from "next";
import { connection } from "next/server";

export const metadata: Metadata = { title: "Confirm your subscription", robots: { index: false } };

/** Opening the link confirms nothing (mail scanners follow links): the button's POST does. */
export default async function ConfirmPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  await connection();
  const { token } = await searchParams;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Confirm your subscription</h1>
      <p>Press the button to start getting a mail for every incident update.</p>
      <form method="post" action="/subscriptions/confirm">
        <input type="hidden" name="token" value={typeof token === "string" ? token : ""} />
        <button type="submit" className="rounded bg-slate-800 px-3 py-1 text-white">Confirm</button>
      </form>
    </div>
  );
}
