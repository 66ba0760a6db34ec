import net from "node:net";
import { z } from "zod";
import { parsePemCertificates } from "@/lib/certs/trust-store";

const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.?$/i;

/** Why `value` is not a bare hostname or IP literal, in words; null when it is fine. */
export function hostProblem(value: string, label: string, allowIp = true): string | null {
  if (value === "") return `${label} is required`;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return `${label} must be a bare name like auth.example.com, without a scheme such as https://`;
  if (/\s/.test(value)) return `${label} must not contain spaces`;
  if (/[/?#@]/.test(value)) return `${label} must be a bare name, without a path, query or user part`;
  const ip = net.isIP(value.replace(/^\[(.*)\]$/, "$1"));
  if (ip) return allowIp ? null : `${label} must be a DNS name, not an IP address (TLS sends no IP as SNI)`;
  if (/^[^:]+:\d+$/.test(value)) return `${label} must not include a port; use the port field`;
  if (!HOSTNAME.test(value)) return `${label} must be a valid hostname (letters, digits, hyphens and dots) or an IP address`;
  return null;
}

const hostField = (label: string, allowIp: boolean) =>
  z.string({ error: `${label} must be text` }).trim().max(253, { error: `${label} is too long` })
    .superRefine((v, ctx) => { const p = hostProblem(v, label, allowIp); if (p) ctx.addIssue({ code: "custom", message: p }); })
    .transform((v) => v.replace(/^\[(.*)\]$/, "$1").replace(/\.$/, "").toLowerCase());

const int = (label: string, min: number, max: number) =>
  z.number({ error: (iss) => (iss.input === undefined ? `${label} is required` : `${label} must be a whole number`) }).int({ error: `${label} must be a whole number` })
    .min(min, { error: `${label} must be at least ${min}` }).max(max, { error: `${label} must be at most ${max}` });

/** Smallest check interval; tests lower it with HERALD_MIN_CHECK_INTERVAL_SECONDS. */
export const minIntervalSeconds = () => {
  const n = Number(process.env.HERALD_MIN_CHECK_INTERVAL_SECONDS);
  return Number.isInteger(n) && n >= 1 ? n : 60;
};

const MAX_CA_PEM = 256_000;

const caPemText = z.string({ error: "caPem must be text" }).max(MAX_CA_PEM, { error: "caPem is too large" })
  .superRefine((v, ctx) => { const r = parsePemCertificates(v); if (r.error) ctx.addIssue({ code: "custom", message: r.error }); });

/** Every monitor field with no defaults: create adds defaults, update takes any subset. */
const fields = {
  name: z.string({ error: "name must be text" }).trim().min(1, { error: "name is required" }).max(200, { error: "name is too long (at most 200 characters)" }),
  host: hostField("host", true),
  port: int("port", 1, 65535),
  servername: z.preprocess((v) => (v === "" || v === null ? undefined : v), hostField("servername", false).optional()),
  protocol: z.enum(["tls", "smtp-starttls"], { error: 'protocol must be "tls" or "smtp-starttls"' }),
  caPem: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), caPemText.optional()),
  warnDays: int("warnDays", 1, 3650),
  criticalDays: int("criticalDays", 0, 3650),
  intervalSeconds: z.lazy(() => int("intervalSeconds", minIntervalSeconds(), 7 * 86_400)),
  service: z.string({ error: "service must be a service slug" }).trim().min(1, { error: "service is required" }).max(100),
  components: z.array(z.string({ error: "components must be component slugs" }).trim().min(1).max(100), { error: "components must be a list of component slugs" })
    .max(50).transform((list) => [...new Set(list)]),
  autoResolve: int("autoResolve", 0, 100),
};

export const createMonitorInput = z.strictObject({
  ...fields,
  protocol: fields.protocol.default("tls"),
  warnDays: fields.warnDays.default(21),
  criticalDays: fields.criticalDays.default(7),
  intervalSeconds: fields.intervalSeconds.default(3600),
  components: fields.components.default([]),
  autoResolve: fields.autoResolve.default(0),
}).superRefine((v, ctx) => {
  if (v.warnDays <= v.criticalDays) ctx.addIssue({ code: "custom", path: ["criticalDays"], message: "criticalDays must be smaller than warnDays" });
});

/**
 * PATCH: any subset of the create fields (same rules, no defaults) plus "enabled". An explicit
 * null or "" clears servername/caPem; warnDays vs criticalDays is checked against the merged row.
 */
export const updateMonitorInput = z.strictObject({
  ...fields,
  servername: z.preprocess((v) => (v === "" ? null : v), hostField("servername", false).nullable()),
  caPem: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), caPemText.nullable()),
  enabled: z.boolean({ error: "enabled must be true or false" }),
}).partial().refine((v) => Object.keys(v).length > 0, { error: "Give at least one field to change" });

export type UpdateMonitorInput = z.infer<typeof updateMonitorInput>;

export type CreateMonitorInput = z.infer<typeof createMonitorInput>;
export type CreateMonitorRequest = z.input<typeof createMonitorInput>;
