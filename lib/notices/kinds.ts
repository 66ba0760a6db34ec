/** Notice kinds raised outside lib/certs, and the words mail subjects use for every kind. */
export const OVERDUE_KIND = "update_overdue";
export const DEAD_DELIVERY_KIND = "delivery_dead";
export const QUARANTINE_KIND = "subscribers_quarantined";

const KIND_LABEL: Record<string, string> = {
  cert_expiry: "Certificate expiry",
  cert_unreachable: "Certificate check failing",
  [OVERDUE_KIND]: "Overdue update",
  [DEAD_DELIVERY_KIND]: "Dead delivery",
  [QUARANTINE_KIND]: "Subscribers quarantined",
};

/** A kind nobody labelled yet still reads as words ("review_overdue" → "Review overdue"). */
export function kindLabel(kind: string): string {
  const words = kind.replace(/[^a-z0-9]+/gi, " ").trim();
  return KIND_LABEL[kind] ?? (words ? words[0]!.toUpperCase() + words.slice(1) : "Notice");
}
