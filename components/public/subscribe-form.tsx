import { listComponentChoices } from "@/lib/subscribers/load-manage";
import { mailEnabled } from "@/lib/channels/email/mail-config";

/** The status page's signup form: a plain POST that works without JavaScript. Hidden when email is off. */
export async function SubscribeForm() {
  if (!mailEnabled()) return null;
  const choices = await listComponentChoices();
  return (
    <section aria-labelledby="subscribe-heading" id="subscribe">
      <h2 id="subscribe-heading" className="mb-3 text-xl font-semibold">Get updates by email</h2>
      <form method="post" action="/subscriptions" className="space-y-3 rounded-lg border border-slate-300 dark:border-slate-700 p-4">
        <p>
          <label htmlFor="subscribe-email" className="block font-medium">Email address</label>
          <input id="subscribe-email" name="email" type="email" required maxLength={254} autoComplete="email" className="mt-1 w-full max-w-sm rounded border border-slate-400 dark:border-slate-600 px-2 py-1" />
        </p>
        <details>
          <summary>Only some components (none picked = every incident)</summary>
          <fieldset className="mt-2 grid gap-1 sm:grid-cols-2">
            <legend className="sr-only">Components</legend>
            {choices.map((c) => (
              <label key={c.id} className="flex items-center gap-2"><input type="checkbox" name="components" value={c.value} />{c.label}</label>
            ))}
          </fieldset>
        </details>
        <button type="submit" className="rounded bg-slate-800 px-3 py-1 text-white">Subscribe</button>
        <p className="text-sm text-slate-700 dark:text-slate-300">We send a confirmation mail first; nothing else until you confirm.</p>
      </form>
    </section>
  );
}
