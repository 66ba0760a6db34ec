import { createMonitorInput, type CreateMonitorInput } from "@/lib/certs/input";
import { fieldErrors } from "@/lib/incidents/input";

export type MonitorFormRead =
  | { ok: true; data: CreateMonitorInput }
  | { ok: false; errors: Record<string, string> };

const TEXT = ["name", "host", "servername", "protocol", "caPem", "service"] as const;
const NUMBERS = ["port", "warnDays", "criticalDays", "intervalSeconds", "autoResolve"] as const;

/** A whole number typed in a form; "" means "use the default", anything else goes to zod as is. */
const numberField = (v: string) => (v.trim() === "" ? undefined : /^-?\d+$/.test(v.trim()) ? Number(v.trim()) : v);

/**
 * The console's add-monitor form → the same input the API takes. Component checkboxes carry
 * "service/component" so a component ticked under another service is caught, not dropped.
 */
export function readMonitorForm(fd: FormData): MonitorFormRead {
  const get = (k: string) => { const v = fd.get(k); return typeof v === "string" ? v : ""; };
  const service = get("service").trim();
  const picked = fd.getAll("components").filter((v): v is string => typeof v === "string");
  const foreign = picked.filter((v) => !v.startsWith(`${service}/`));
  const raw: Record<string, unknown> = Object.fromEntries(TEXT.map((k) => [k, get(k)]));
  if (raw.protocol === "") raw.protocol = undefined;
  for (const k of NUMBERS) raw[k] = numberField(get(k));
  raw.components = picked.map((v) => v.slice(service.length + 1));
  const parsed = createMonitorInput.safeParse(raw);
  const errors = parsed.success ? {} : fieldErrors(parsed.error);
  if (foreign.length) errors.components = "Pick only components of the chosen service";
  return parsed.success && !foreign.length ? { ok: true, data: parsed.data } : { ok: false, errors };
}

/** The text values of a submitted form, to show again after an error. */
export function formValues(fd: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of fd.entries()) if (typeof v === "string" && !k.startsWith("$ACTION") && k !== "components") out[k] = v;
  out.components = fd.getAll("components").filter((v): v is string => typeof v === "string").join(",");
  return out;
}
