import { describe, expect, it } from "vitest";
import { decide, type StateFacts } from "@/lib/certs/decide";

// Results newest first, written oldest first for reading: "ok", "exp" (expired), "bad"
// (hostname mismatch), "down" (timeout).
const F: Record<string, string[]> = { ok: ["ok"], warn: ["expiring_critical"], exp: ["expired"], bad: ["hostname_mismatch"], down: ["timeout"] };
function facts(history: string[], over: Partial<StateFacts> = {}): StateFacts {
  const results = history.map((k, i) => ({ id: i + 1, checkedAt: (i + 1) * 1000, findings: F[k] ?? [] })).reverse();
  return { results, openIncident: null, episodeHadIncident: false, autoResolve: 0, ...over };
}
const open = (status: "investigating" | "identified" | "monitoring" = "investigating") => ({ openIncident: { id: "TM1", status } });

describe("the monitor state machine", () => {
  it("opens at once for an expired certificate, after two failures otherwise", () => {
    expect(decide(facts(["ok", "exp"])).kind).toBe("open");
    expect(decide(facts(["ok", "bad"])).kind).toBe("none");
    expect(decide(facts(["ok", "bad", "bad"])).kind).toBe("open");
    expect(decide(facts(["exp", "bad"])).kind).toBe("open");
  });

  it("healthy results, even expiring ones, never open anything", () => {
    expect(decide(facts(["ok", "ok"])).kind).toBe("none");
    expect(decide(facts(["warn", "warn"])).kind).toBe("none");
    expect(decide(facts([])).kind).toBe("none");
  });

  it("skips inconclusive checks: they neither count as failures nor break a streak", () => {
    expect(decide(facts(["down", "down", "down"])).kind).toBe("none");
    expect(decide(facts(["bad", "down", "bad"])).kind).toBe("open");
    expect(decide(facts(["bad", "bad", "down"])).kind).toBe("none"); // the newest says nothing new
  });

  it("never opens a second incident while one is open, nor twice in one failure episode", () => {
    expect(decide(facts(["exp", "exp"], open())).kind).toBe("none");
    expect(decide(facts(["exp", "exp"], { episodeHadIncident: true })).kind).toBe("none");
  });

  it("posts monitoring on the first healthy check, once", () => {
    expect(decide(facts(["exp", "ok"], open())).kind).toBe("recover");
    expect(decide(facts(["exp", "ok", "ok"], open("monitoring"))).kind).toBe("none");
    expect(decide(facts(["exp", "ok"], open("monitoring"))).kind).toBe("none");
  });

  it("resolves after N consecutive healthy checks when configured, else waits", () => {
    expect(decide(facts(["exp", "ok", "ok"], { ...open("monitoring"), autoResolve: 2 }))).toEqual({ kind: "resolve", healthyChecks: 2 });
    expect(decide(facts(["exp", "ok", "down", "ok"], { ...open("monitoring"), autoResolve: 2 })).kind).toBe("resolve");
    expect(decide(facts(["exp", "ok", "exp", "ok"], { ...open("monitoring"), autoResolve: 2 })).kind).toBe("none");
    expect(decide(facts(["exp", "ok"], { ...open(), autoResolve: 1 })).kind).toBe("resolve");
    expect(decide(facts(["exp", "ok", "ok", "ok", "ok"], { ...open("monitoring"), autoResolve: 0 })).kind).toBe("none");
  });

  it("says it is failing again only after a real relapse, once", () => {
    expect(decide(facts(["bad", "bad", "ok", "bad"], open("monitoring"))).kind).toBe("none");
    expect(decide(facts(["bad", "bad", "ok", "bad", "bad"], open("monitoring"))).kind).toBe("refail");
    expect(decide(facts(["bad", "bad", "ok", "exp"], open("monitoring"))).kind).toBe("refail");
    expect(decide(facts(["bad", "bad", "ok", "bad", "bad", "bad"], open("investigating"))).kind).toBe("none");
  });
});
