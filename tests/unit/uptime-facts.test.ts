import { testWrite } from "@/tests/support/db-kit";
import { beforeAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { openDatabase, databasePath } from "@/db/open";
import { components, componentStatusChanges } from "@/db/schema";
import { postUpdate } from "@/lib/incidents/post-update";
import { open, responder, seedCatalog } from "@/tests/support/fixtures";
import { onPg } from "@/tests/support/db-kit";

const facts = async (slug: string) => {
  const db = getDb();
  const c = (await db.select().from(components).where(eq(components.slug, slug)).limit(1))[0]!;
  return await db.select({ at: componentStatusChanges.at, status: componentStatusChanges.status }).from(componentStatusChanges)
    .where(eq(componentStatusChanges.componentId, c.id)).orderBy(asc(componentStatusChanges.at), asc(componentStatusChanges.id));
};

describe("uptime facts", () => {
  beforeAll(async () => { await seedCatalog(); });

  it("records every status change of a component with its time, and nothing when the status stays", async () => {
    const t = Date.UTC(2030, 0, 1, 10, 0);
    const inc = await open({ components: { chat: "major_outage" } }, t);
    await postUpdate(inc.id, { status: "identified", message: "Still down", components: { chat: "major_outage" } }, responder, { now: t + 60_000 });
    await postUpdate(inc.id, { status: "monitoring", message: "Better", components: { chat: "partial_outage" } }, responder, { now: t + 120_000 });
    await postUpdate(inc.id, { status: "resolved", message: "Fixed" }, responder, { now: t + 180_000 });
    expect(await facts("chat")).toEqual([
      { at: t, status: "major_outage" },
      { at: t + 120_000, status: "partial_outage" },
      { at: t + 180_000, status: "operational" },
    ]);
  });

  // SQLite-only: the backfill is for SQLite files from before the facts table; no PostgreSQL database predates it.
  it.skipIf(onPg)("backfills the facts once from older incident updates when the table is empty", async () => {
    const t = Date.UTC(2030, 0, 2, 10, 0);
    const inc = await open({ components: { meetings: "partial_outage" } }, t);
    await postUpdate(inc.id, { status: "resolved", message: "Fixed" }, responder, { now: t + 60_000 });
    const before = await facts("meetings");
    // A database from before the facts table existed: its changes live only in update_component_changes.
    await testWrite((tx) => tx.delete(componentStatusChanges));
    expect(await facts("meetings")).toEqual([]);
    const reopened = openDatabase(databasePath());
    reopened.sqlite.close();
    expect(await facts("meetings")).toEqual(before);
    expect(await facts("chat")).toHaveLength(3);
    const again = openDatabase(databasePath()); // a second open copies nothing twice
    again.sqlite.close();
    expect(await facts("chat")).toHaveLength(3);
  });
});
