import { describe, expect, it } from "vitest";
import { readMonitorForm } from "@/lib/certs/read-monitor-form";

const form = (fields: Record<string, string | string[]>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) fd.append(k, x);
  return fd;
};
const base = { name: "Auth", host: "auth.example.com", port: "443", servername: "", protocol: "tls", caPem: "", service: "teams", warnDays: "", criticalDays: "", intervalSeconds: "", autoResolve: "" };

describe("the add-monitor form", () => {
  it("reads into the API's input, with defaults for empty numbers", () => {
    const r = readMonitorForm(form({ ...base, components: ["teams/sign-in", "teams/chat"] }));
    expect(r).toEqual({ ok: true, data: expect.objectContaining({
      name: "Auth", host: "auth.example.com", port: 443, protocol: "tls", warnDays: 21, criticalDays: 7,
      intervalSeconds: 3600, autoResolve: 0, service: "teams", components: ["sign-in", "chat"],
    }) });
    if (r.ok) expect(r.data.servername).toBeUndefined();
  });

  it("reports every bad field, including components of another service", () => {
    const r = readMonitorForm(form({ ...base, host: "https://x", port: "abc", components: ["exchange/mail-flow"] }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toMatchObject({
        host: expect.stringMatching(/scheme/), port: "port must be a whole number", components: "Pick only components of the chosen service",
      });
    }
    const thresholds = readMonitorForm(form({ ...base, warnDays: "3", criticalDays: "5" }));
    expect(thresholds).toEqual({ ok: false, errors: { criticalDays: "criticalDays must be smaller than warnDays" } });
  });
});
