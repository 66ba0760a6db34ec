import type { Metadata } from "next";
import { connection } from "next/server";
import { explainFailure } from "@/lib/failure";
import { loadManage } from "@/lib/subscribers/load-manage";

export const metadata: Metadata = { title: "Your subscription", robots: { index: false } };

/** Change components or leave, from the link in every mail (the link's token is the key). */
export default async function ManagePage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  await connection();
  const { token } = await searchParams;
  const t = typeof token === "string" ? token : "";
  let data: Awaited<ReturnType<typeof loadManage>>;
  try {
    data = await loadManage(t);
  } catch (err) {
    const failure = explainFailure(err);
    if (!failure) throw err;
    return <div className="space-y-4"><h1 className="text-2xl font-bold">Your subscription</h1><p role="alert">{failure.message}</p></div>;
  }
  const q = `?token=${encodeURIComponent(t)}`;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Your subscription</h1>
      <p>{data.address}{data.unsubscribed ? " is unsubscribed." : " gets incident mail."}</p>
      {!data.unsubscribed && (
        <>
          <form method="post" action={`/subscriptions/manage${q}`} className="space-y-2">
            <fieldset className="grid gap-1 sm:grid-cols-2">
              <legend className="font-medium">Components (none picked = every incident)</legend>
              {data.choices.map((c) => (
                <label key={c.id} className="flex items-center gap-2"><input type="checkbox" name="components" value={c.value} defaultChecked={c.picked} />{c.label}</label>
              ))}
            </fieldset>
            <button type="submit" className="rounded bg-slate-800 px-3 py-1 text-white">Save</button>
          </form>
          <form method="post" action={`/subscriptions/unsubscribe${q}`}>
            <input type="hidden" name="List-Unsubscribe" value="One-Click" />
            <button type="submit" className="rounded border border-slate-500 px-3 py-1">Unsubscribe</button>
          </form>
        </>
      )}
    </div>
  );
}
