import { describe, expect, it } from "vitest";
import { accentProblem, contrastRatio } from "@/lib/page/contrast";
import { sniffLogoType } from "@/lib/page/logo-type";
import { formatStated } from "@/lib/public/format-time";
import { readPageSettingsForm } from "@/lib/console/read-page-settings-form";

describe("accent contrast", () => {
  it("matches WCAG's published ratios", () => {
    // WebAIM's checker: #767676 is the lightest grey passing 4.5:1 on white; #777777 fails at 4.48.
    expect(contrastRatio("#767676", "#ffffff").toFixed(2)).toBe("4.54");
    expect(contrastRatio("#777777", "#ffffff").toFixed(2)).toBe("4.48");
    expect(contrastRatio("#000000", "#ffffff")).toBe(21);
  });

  it("accepts usual brand colours and refuses ones unreadable in either scheme", () => {
    for (const ok of ["#2563eb", "#0f766e", "#c2410c", "#15803d", "#7c3aed"]) expect(accentProblem(ok), ok).toBeNull();
    expect(accentProblem("#fde047")).toMatch(/light background/); // yellow links on white
    expect(accentProblem("#000000")).toMatch(/dark background/); // invisible against the dark page
  });
});

describe("logo types come from the bytes", () => {
  it("knows PNG, JPEG and WebP, nothing else", () => {
    const b = (s: string) => new Uint8Array(Buffer.from(s, "latin1"));
    expect(sniffLogoType(b("\x89PNG\r\n\x1a\n...."))).toBe("image/png");
    expect(sniffLogoType(b("\xff\xd8\xff\xe0...."))).toBe("image/jpeg");
    expect(sniffLogoType(b("RIFF\x10\x00\x00\x00WEBPVP8 "))).toBe("image/webp");
    expect(sniffLogoType(b("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(sniffLogoType(b("RIFF\x10\x00\x00\x00WAVEfmt "))).toBeNull();
  });
});

describe("times in the page's zone", () => {
  const t = Date.UTC(2026, 10, 26, 16, 0);
  it("states UTC when no zone is set, the zone's own time and abbreviation otherwise", () => {
    expect(formatStated(t, null)).toBe("26 Nov 2026, 16:00 UTC");
    expect(formatStated(t, "Europe/Berlin")).toBe("26 Nov 2026, 17:00 CET");
    expect(formatStated(Date.UTC(2026, 6, 1, 16, 0), "Europe/Berlin")).toBe("1 Jul 2026, 18:00 CEST");
    expect(formatStated(Date.UTC(2026, 10, 26, 23, 30), "Asia/Tokyo")).toBe("27 Nov 2026, 08:30 GMT+9");
  });
});

describe("the page settings form", () => {
  const base = { name: "Acme", accentColor: "", supportUrl: "", timeZone: "", announcement: "" };
  it("reads footer links a line each and resets empty fields to defaults", () => {
    expect(readPageSettingsForm({ ...base, footerLinks: "Help | https://acme.test/help\n\n Mail | mailto:ops@acme.test " })).toEqual({
      ok: true,
      data: { name: "Acme", accentColor: null, supportUrl: null, timeZone: null, announcement: null, footerLinks: [{ label: "Help", url: "https://acme.test/help" }, { label: "Mail", url: "mailto:ops@acme.test" }], uptimeDays: null },
    });
    expect(readPageSettingsForm({ ...base, uptimeDays: "30" })).toMatchObject({ ok: true, data: { uptimeDays: 30 } });
    expect(readPageSettingsForm({ ...base, uptimeDays: "45" })).toEqual({ ok: false, errors: { uptimeDays: "Uptime history must be 30, 60 or 90 days" } });
  });
  it("puts a bad link's message on the footer links field", () => {
    expect(readPageSettingsForm({ ...base, footerLinks: "X | javascript:alert(1)" })).toEqual({ ok: false, errors: { footerLinks: expect.stringMatching(/no javascript:/) } });
    expect(readPageSettingsForm({ ...base, footerLinks: "just a url https://x.test" })).toEqual({ ok: false, errors: { footerLinks: expect.stringMatching(/Label \| URL/) } });
  });
});
