export const NEXT_UPDATE_PICKS = [
  { value: "30", label: "+30 min" },
  { value: "60", label: "+1 h" },
  { value: "120", label: "+2 h" },
  { value: "240", label: "+4 h" },
] as const;

const LOCAL_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The form's "Next update by" choice as an ISO time: a quick pick counts from `now`, "custom"
 * reads a datetime-local value AS UTC (the field is labelled so), "none" promises nothing.
 */
export function nextUpdateIso(choice: string | undefined, custom: string | undefined, now: number): { iso: string | null } | { error: string } {
  if (!choice || choice === "none") return { iso: null };
  if (choice === "custom") {
    const m = LOCAL_UTC.exec(custom?.trim() ?? "");
    if (!m) return { error: "Enter the next update time as a date and time in UTC" };
    const [y, mo, d, h, mi, s] = m.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
    const ms = Date.UTC(y, mo - 1, d, h, mi, s);
    const back = new Date(ms);
    if (Number.isNaN(ms) || back.getUTCDate() !== d || back.getUTCHours() !== h) return { error: "That date and time does not exist" };
    return { iso: back.toISOString() };
  }
  const minutes = NEXT_UPDATE_PICKS.find((p) => p.value === choice);
  if (!minutes) return { error: "Choose when the next update is due" };
  return { iso: new Date(now + Number(minutes.value) * 60_000).toISOString() };
}

/** A UTC datetime-local value ("2026-11-26T16:00") for prefilling the custom field. */
export const toUtcInputValue = (ms: number) => new Date(ms).toISOString().slice(0, 16);
