import type { Metadata } from "next";
import { connection } from "next/server";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };

/** The List-Unsubscribe link's page: the same one-click POST as a mail client's, from a button. */
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  await connection();
  const { token } = await searchParams;
  const t = typeof token === "string" ? token : "";
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Unsubscribe</h1>
      <p>Press the button to stop getting incident mail. <a href={`/subscriptions/manage?token=${encodeURIComponent(t)}`}>Or pick only some components.</a></p>
      <form method="post" action={`/subscriptions/unsubscribe?token=${encodeURIComponent(t)}`}>
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <button type="submit" className="rounded bg-slate-800 px-3 py-1 text-white">Unsubscribe</button>
      </form>
    </div>
  );
}
