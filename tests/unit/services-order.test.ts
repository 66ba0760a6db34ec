import { describe, expect, it } from "vitest";
import { placeAt } from "@/lib/services/place";
import { sections } from "@/lib/services/sections";
import { freeSlug, slugify } from "@/lib/services/slug";

describe("sections", () => {
  it("puts a group's heading where its first component stands, with all its components under it", () => {
    const c = (name: string, group: string | null) => ({ name, group });
    const runs = sections([c("a", null), c("b", "Core"), c("c", null), c("d", "Core"), c("e", "Edge"), c("f", null), c("g", null)]);
    expect(runs.map((r) => [r.group, r.components.map((x) => x.name).join("")])).toEqual([
      [null, "a"], ["Core", "bd"], [null, "c"], ["Edge", "e"], [null, "fg"],
    ]);
  });
});

describe("placeAt", () => {
  const rows = [{ id: 10, position: 0 }, { id: 11, position: 1 }, { id: 12, position: 2 }];
  it("moves one row and renumbers only the rows whose place changed", () => {
    expect(placeAt(rows, 12, 0)).toEqual([{ id: 12, position: 0 }, { id: 10, position: 1 }, { id: 11, position: 2 }]);
    expect(placeAt(rows, 10, 1)).toEqual([{ id: 11, position: 0 }, { id: 10, position: 1 }]);
  });
  it("clamps a place past the end and ignores an unknown id", () => {
    expect(placeAt(rows, 10, 99)).toEqual([{ id: 11, position: 0 }, { id: 12, position: 1 }, { id: 10, position: 2 }]);
    expect(placeAt(rows, 99, 0)).toEqual([]);
  });
});

describe("slugs", () => {
  it("are made from names in [a-z0-9-], with a fallback and a free suffix", async () => {
    expect(slugify("Outlook on the web", "component")).toBe("outlook-on-the-web");
    expect(slugify("  Café — Zürich!! ", "component")).toBe("cafe-zurich");
    expect(slugify("☕", "service")).toBe("service");
    expect(slugify("x".repeat(80), "s")).toHaveLength(50);
    expect(await freeSlug("core", async (s) => ["core", "core-2"].includes(s))).toBe("core-3");
  });
});
