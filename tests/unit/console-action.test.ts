process.env.HERALD_BUSY_TIMEOUT_MS = "200"; // before the first connection opens

import { redirect } from "next/navigation";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Role } from "@/db/schema";
import type { UserActor } from "@/lib/auth/session";
import { updateTargetPolicy } from "@/lib/certs/update-target-policy";
import { getTargetPolicy } from "@/lib/certs/get-target-policy";
import { actionKit } from "@/lib/console/action-kit";
import { parseOpenIncidentForm, parsePostUpdateForm } from "@/lib/console/read-incident-form";
import { readTargetPolicyForm } from "@/lib/console/read-target-policy-form";
import { openIncident } from "@/lib/incidents/open-incident";
import { postUpdate } from "@/lib/incidents/post-update";
import { listIncidents } from "@/lib/incidents/list-incidents";
import { open, seedCatalog } from "@/tests/support/fixtures";
import { holdWriteLock } from "@/tests/support/db-kit";

// The real wrapper, verbs, zod readers and SQLite file; only the request (who is signed in, what
// Next re-renders) comes from this kit, because there is no Next request in a unit test.
const responderUser: UserActor = { kind: "user", userId: 2, email: "responder@herald.test", name: "Riley Responder", role: "responder" };
let signedIn: UserActor | null = responderUser;
let revalidated: string[] = [];
const { action, formAction } = actionKit({
  requireUser: async (role?: Role) => {
    if (!signedIn) redirect("/console/signin");
    if (role === "admin" && signedIn.role !== "admin") redirect("/console?forbidden=1");
    return signedIn;
  },
  revalidatePath: (p) => { revalidated.push(p); },
  refresh: () => { revalidated.push("(refresh)"); },
});

const form = (fields: Record<string, string>) => { const fd = new FormData(); for (const [k, v] of Object.entries(fields)) fd.set(k, v); return fd; };
const redirectOf = (p: Promise<unknown>) => p.then(() => "no redirect", (e: { digest?: string }) => String(e.digest));

const openAction = action((v) => parseOpenIncidentForm(v, Date.now()), (input, user) => openIncident(input, user), { revalidate: ["/console"] });
const postAction = action((v) => parsePostUpdateForm(v, Date.now()), (facts, user, id: string) => postUpdate(id, facts, user));
const policyAction = action((v) => readTargetPolicyForm({ allow: v.allow ?? "", deny: v.deny ?? "" }), (p, user) => updateTargetPolicy(p, user), { role: "admin" });
const incidentCount = async () => (await listIncidents({ state: "all", limit: 1000 })).length;

describe("action(): auth, parse, one verb, one error table", () => {
  beforeAll(async () => { await seedCatalog(); });

  it("refuses the wrong role and the signed-out before reading the form; nothing is written", async () => {
    const before = await getTargetPolicy();
    const where = await redirectOf(policyAction(undefined, form({ deny: "10.9.9.9" })));
    expect(where).toContain("/console?forbidden=1");
    signedIn = null;
    expect(await redirectOf(openAction(undefined, form({ service: "teams", title: "x", message: "y", status: "investigating", nextUpdate: "none" })))).toContain("/console/signin");
    signedIn = responderUser;
    expect(await getTargetPolicy()).toEqual(before);
  });

  it("turns zod failures into a message per field and keeps what was typed", async () => {
    const n = await incidentCount();
    const typed = { service: "teams", title: "", message: "Something is wrong", status: "investigating", nextUpdate: "none" };
    const state = await openAction({ seq: 4, values: {}, errors: {} }, form(typed));
    expect(state.seq).toBe(5);
    expect(state.values).toEqual(typed);
    expect(Object.keys(state.errors)).toEqual(["title"]);
    expect(state.saved).toBeUndefined();
    expect(await incidentCount()).toBe(n);
  });

  it("shows a domain failure's own message on its field, or on the whole form", async () => {
    const typed = { service: "nope", title: "Mail is slow", message: "Looking", status: "investigating", nextUpdate: "none" };
    const unknown = await openAction(undefined, form(typed));
    expect(unknown.errors).toEqual({ service: "Unknown service: nope" });
    expect(unknown.values).toEqual(typed);

    const done = await open();
    await postUpdate(done.id, { status: "resolved", message: "Fixed" }, responderUser);
    const late = await postAction(done.id, undefined, form({ status: "monitoring", message: "More", nextUpdate: "none" }));
    expect(late.errors).toEqual({ _: `Incident ${done.id} is resolved; open a new incident instead` });
    expect(late.values.message).toBe("More");
  });

  it("says the one busy message when another connection holds the write lock, and saves nothing", async () => {
    const n = await incidentCount();
    const holder = await holdWriteLock();
    try {
      const typed = { service: "teams", title: "While locked", message: "Waiting", status: "investigating", nextUpdate: "none" };
      const state = await openAction(undefined, form(typed));
      expect(state.errors).toEqual({ _: "The database is busy; try again shortly. Nothing was saved." });
      expect(state.values).toEqual(typed);
    } finally {
      await holder.release();
    }
    expect(await incidentCount()).toBe(n);
  });

  it("on success calls the verb with the bound arguments, revalidates and reports saved", async () => {
    revalidated = [];
    const incident = await open();
    const state = await postAction(incident.id, { seq: 1, values: {}, errors: {} }, form({ status: "identified", message: "Found it", nextUpdate: "none" }));
    expect(state).toMatchObject({ seq: 2, errors: {}, saved: true });
    const opened = await openAction(undefined, form({ service: "exchange", title: "Mail delays", message: "Looking", status: "investigating", nextUpdate: "none" }));
    expect(opened.saved).toBe(true);
    expect(revalidated).toEqual(["/console"]);
    expect((await listIncidents({ state: "all", limit: 1000 })).find((i) => i.id === incident.id)?.status).toBe("identified");
  });

  it("formAction sends a plain form's failure to `failed` and its success to `redirect`", async () => {
    const dismiss = formAction(z.object({ id: z.coerce.number({ error: "Unknown thing" }) }), async ({ id }) => id, {
      redirect: () => "/done", failed: (m) => `/failed?m=${encodeURIComponent(m)}`,
    });
    expect(await redirectOf(dismiss(form({ id: "x" })))).toContain("/failed?m=Unknown%20thing");
    expect(await redirectOf(dismiss(form({ id: "7" })))).toContain("/done");
  });
});
