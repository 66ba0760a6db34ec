import { listSubscribers, type ListQuery, type SubscriberRow } from "@/lib/subscribers/list-subscribers";

const HEADER = ["id", "channel", "target", "state", "components", "created_at", "confirmed_at", "last_delivery_at", "quarantined_at", "last_error"];
const iso = (ms: number | null) => (ms === null ? "" : new Date(ms).toISOString());

/** One CSV field (RFC 4180 quoting); a leading = + - @ is defused so a spreadsheet never runs it. */
export function csvField(value: string | number): string {
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n']/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const line = (r: SubscriberRow) => [r.id, r.channel, r.target, r.state, r.components.join(" "), iso(r.createdAt), iso(r.confirmedAt),
  iso(r.lastDeliveryAt), iso(r.quarantinedAt), r.lastError ?? ""].map(csvField).join(",") + "\r\n";

/** Every matching subscriber as CSV, streamed a page at a time so memory stays flat in the count. */
export function exportSubscribersCsv(query: Omit<ListQuery, "limit" | "before"> = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let before: number | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) { started = true; controller.enqueue(encoder.encode(HEADER.join(",") + "\r\n")); return; }
      const page = await listSubscribers({ ...query, limit: 500, before });
      if (page.rows.length) controller.enqueue(encoder.encode(page.rows.map(line).join("")));
      if (page.next === null) controller.close();
      else before = page.next;
    },
  });
}
