import type { Read } from "@/lib/console/action-kit";
import type { FormValues } from "@/lib/console/form-state";
import { fieldErrors } from "@/lib/incidents/input";
import { pageSettingsPatch, type PageSettingsPatch } from "@/lib/page/page-settings-input";

const orNull = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/** Footer links as typed: one "Label | URL" a line. */
export const footerLinksText = (links: { label: string; url: string }[]) => links.map((l) => `${l.label} | ${l.url}`).join("\n");

/** The page settings form's text values as a PATCH: empty fields reset to the default. */
export function readPageSettingsForm(values: FormValues): Read<PageSettingsPatch> {
  const lines = (values.footerLinks ?? "").split("\n").map((l) => l.trim()).filter(Boolean);
  const bad = lines.find((l) => !l.includes("|"));
  if (bad) return { ok: false, errors: { footerLinks: `Write each footer link as "Label | URL"; this line has no "|": ${bad.slice(0, 60)}` } };
  const footerLinks = lines.map((l) => ({ label: l.slice(0, l.indexOf("|")).trim(), url: l.slice(l.indexOf("|") + 1).trim() }));
  const parsed = pageSettingsPatch.safeParse({
    name: values.name ?? "", accentColor: orNull(values.accentColor), supportUrl: orNull(values.supportUrl),
    timeZone: orNull(values.timeZone), announcement: orNull(values.announcement), footerLinks,
    uptimeDays: orNull(values.uptimeDays) === null ? null : Number(values.uptimeDays),
  });
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: Record<string, string> = {};
  for (const [k, m] of Object.entries(fieldErrors(parsed.error))) errors[k.startsWith("footerLinks") ? "footerLinks" : k] ??= m;
  return { ok: false, errors };
}
