import type { NoticeMailChoice } from "@/db/schema";

const CHOICES: { value: NoticeMailChoice; label: string }[] = [
  { value: "off", label: "No mail: notices show in the console only" },
  { value: "critical", label: "Critical notices (dead deliveries, certificates about to expire)" },
  { value: "warning", label: "Warnings and critical notices (overdue updates too)" },
  { value: "info", label: "Every notice" },
];

type Props = { action: (fd: FormData) => Promise<void>; current: NoticeMailChoice; mailOff: string | null; saved: boolean; error: string | null };

/** A plain form (no JavaScript needed) for one's own mail about console notices. */
export function NoticeMailForm({ action, current, mailOff, saved, error }: Props) {
  return (
    <form action={action} className="mt-3 space-y-3">
      {mailOff && <p role="note" className="rounded border-l-4 border-amber-600 bg-amber-50 dark:bg-amber-950 px-3 py-2 text-sm text-amber-950 dark:text-amber-100">{mailOff}. Nothing is mailed until an admin sets it up; your choice is kept.</p>}
      {error && <p role="alert" className="text-sm font-medium text-red-800 dark:text-red-300">{error}</p>}
      {saved && <p role="status" className="text-sm font-medium text-green-800 dark:text-green-300">Your mail choice is saved.</p>}
      <fieldset>
        <legend className="text-sm font-medium">Mail me about</legend>
        {CHOICES.map((c) => (
          <label key={c.value} className="mt-2 flex items-start gap-2 text-sm">
            <input type="radio" name="noticeMail" value={c.value} defaultChecked={current === c.value} className="mt-1" />
            <span>{c.label}</span>
          </label>
        ))}
      </fieldset>
      <button type="submit" className="rounded bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800">Save mail choice</button>
    </form>
  );
}
