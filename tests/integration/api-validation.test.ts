import { beforeAll, describe, expect, it } from "vitest";
import { POST as createIncident } from "@/app/api/v1/incidents/route";
import { POST as postUpdate } from "@/app/api/v1/incidents/[id]/updates/route";
import { MAX_REQUEST_BYTES } from "@/lib/http/api";
import type { IncidentJson } from "@/lib/api/incident-json";
import { inOneHour, seedCatalog } from "@/tests/support/fixtures";
import { call, snapshot, tokenOf, type ErrorJson } from "@/tests/integration/api-support";

let token: string;
let openId: string;
const valid = { service: "teams", title: "Sign-in failures", message: "Investigating", components: { "sign-in": "major_outage" } };
const past = () => new Date(Date.now() - 60_000).toISOString();

beforeAll(async () => {
  await seedCatalog();
  token = await tokenOf("responder@herald.test");
  const res = await call(createIncident, { path: "/api/v1/incidents", token, body: { ...valid, nextUpdateAt: inOneHour() } });
  openId = (res.json as IncidentJson).id;
});

type Case = { name: string; status: number; error: RegExp; field?: string } & ({ body: unknown } | { raw: string | Uint8Array<ArrayBuffer>; headers?: Record<string, string> });

/** Send a bad request; it must fail with a clear JSON message and leave every table as it was. */
async function refused(route: "create" | "update", c: Case) {
  const snap = await snapshot();
  const common = { token, ...("raw" in c ? { rawBody: c.raw, headers: { "content-type": "application/json", ...c.headers } } : { body: c.body }) };
  const res = route === "create"
    ? await call(createIncident, { path: "/api/v1/incidents", ...common })
    : await call(postUpdate, { path: `/api/v1/incidents/${openId}/updates`, params: { id: openId }, ...common });
  expect(res.status, c.name).toBe(c.status);
  const json = res.json as ErrorJson;
  expect(json.error, c.name).toMatch(c.error);
  if (c.field) expect(json.fields, c.name).toHaveProperty([c.field]);
  expect(await snapshot(), c.name).toEqual(snap);
  return json;
}

const createCases: Case[] = [
  { name: "malformed JSON", raw: '{"service": "teams", "title": ', status: 400, error: /Malformed JSON/ },
  { name: "empty body", raw: "", status: 400, error: /JSON body is required/ },
  { name: "array body", raw: "[1,2]", status: 400, error: /must be an object/ },
  { name: "string body", raw: '"hello"', status: 400, error: /must be an object/ },
  { name: "null body", raw: "null", status: 400, error: /must be an object/ },
  { name: "invalid UTF-8", raw: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), status: 400, error: /UTF-8/ },
  { name: "empty title", body: { ...valid, title: "   " }, status: 422, error: /title is required/, field: "title" },
  { name: "missing title", body: { service: "teams", message: "x" }, status: 422, error: /title is required/, field: "title" },
  { name: "title not text", body: { ...valid, title: 42 }, status: 422, error: /title must be text/, field: "title" },
  { name: "empty message", body: { ...valid, message: "" }, status: 422, error: /message is required/, field: "message" },
  { name: "unknown service", body: { ...valid, service: "lync" }, status: 422, error: /Unknown service: lync/, field: "service" },
  { name: "unknown component", body: { ...valid, components: { "sign-in": "major_outage", teleport: "major_outage" } }, status: 422, error: /Unknown component.*teleport/, field: "components" },
  { name: "component of another service", body: { ...valid, components: { "mail-flow": "major_outage" } }, status: 422, error: /Unknown component.*mail-flow/, field: "components" },
  { name: "bad component status", body: { ...valid, components: { "sign-in": "on_fire" } }, status: 422, error: /component status must be one of/, field: "components.sign-in" },
  { name: "bad status enum", body: { ...valid, status: "panicking" }, status: 422, error: /status must be one of investigating, identified, monitoring, resolved/, field: "status" },
  { name: "bad impact enum", body: { ...valid, impact: "apocalyptic" }, status: 422, error: /impact must be one of/, field: "impact" },
  { name: "bad classification", body: { ...valid, classification: "rumour" }, status: 422, error: /classification must be one of/, field: "classification" },
  { name: "nextUpdateAt in the past", body: { ...valid, nextUpdateAt: past() }, status: 422, error: /nextUpdateAt must be in the future/, field: "nextUpdateAt" },
  { name: "nextUpdateAt not ISO", body: { ...valid, nextUpdateAt: "tomorrow at noon" }, status: 422, error: /ISO 8601/, field: "nextUpdateAt" },
  { name: "nextUpdateAt without zone", body: { ...valid, nextUpdateAt: "2099-01-01T10:00:00" }, status: 422, error: /with a zone/, field: "nextUpdateAt" },
  { name: "nextUpdateAt a number", body: { ...valid, nextUpdateAt: 4102444800000 }, status: 422, error: /ISO 8601/, field: "nextUpdateAt" },
  { name: "message over 20,000 chars", body: { ...valid, message: "x".repeat(20_001) }, status: 422, error: /message is too long \(at most 20000/, field: "message" },
  { name: "title over 200 chars", body: { ...valid, title: "t".repeat(201) }, status: 422, error: /title is too long/, field: "title" },
  { name: "customPost over 280 chars", body: { ...valid, customPost: "p".repeat(281) }, status: 422, error: /customPost is too long/, field: "customPost" },
  { name: "skipX not boolean", body: { ...valid, skipX: "yes" }, status: 422, error: /skipX/, field: "skipX" },
  { name: "misspelt field", body: { ...valid, nextUpdate: inOneHour() }, status: 422, error: /nextUpdate/ },
  { name: "options for an unknown channel", body: { ...valid, channels: { myspace: { skip: true } } }, status: 422, error: /unknown social channel "myspace"/, field: "channels.myspace" },
  { name: "options for a pull channel", body: { ...valid, channels: { feeds: { skip: true } } }, status: 422, error: /unknown social channel "feeds"/, field: "channels.feeds" },
  { name: "channel custom text over its limit", body: { ...valid, channels: { x: { customText: "p".repeat(281) } } }, status: 422, error: /customText for x is too long \(at most 280/, field: "channels.x.customText" },
  { name: "channel skip not boolean", body: { ...valid, channels: { x: { skip: "yes" } } }, status: 422, error: /skip must be true or false/, field: "channels.x.skip" },
  { name: "misspelt channel option", body: { ...valid, channels: { x: { text: "hi" } } }, status: 422, error: /text/ },
  { name: "X options given twice", body: { ...valid, skipX: true, channels: { x: { skip: false } } }, status: 422, error: /channels.x and skipX\/customPost both set/, field: "channels.x" },
];

describe("POST /api/v1/incidents refuses bad input and stores nothing", () => {
  for (const c of createCases) it(c.name, () => refused("create", c).then(() => undefined));

  it("413 for a body over ~1 MB, by Content-Length and by actual length", async () => {
    const big = JSON.stringify({ ...valid, message: "x".repeat(MAX_REQUEST_BYTES) });
    await refused("create", { name: "declared too large", raw: "{}", headers: { "content-length": String(MAX_REQUEST_BYTES + 1) }, status: 413, error: /too large/ });
    await refused("create", { name: "actually too large", raw: big, status: 413, error: /too large/ });
  });

  it("lists every bad field at once", async () => {
    const json = await refused("create", { name: "many", body: { service: "", title: "", message: "", impact: "huge" }, status: 422, error: /Invalid request/ });
    expect(Object.keys(json.fields ?? {}).sort()).toEqual(["impact", "message", "service", "title"]);
  });
});

const updateCases: Case[] = [
  { name: "malformed JSON", raw: "{status:", status: 400, error: /Malformed JSON/ },
  { name: "missing status", body: { message: "x" }, status: 422, error: /status must be one of/, field: "status" },
  { name: "bad status enum", body: { status: "fixed", message: "x" }, status: 422, error: /status must be one of/, field: "status" },
  { name: "empty message", body: { status: "identified", message: " " }, status: 422, error: /message is required/, field: "message" },
  { name: "unknown component", body: { status: "identified", message: "x", components: { warp: "major_outage" } }, status: 422, error: /Unknown component.*warp/, field: "components" },
  { name: "past nextUpdateAt", body: { status: "identified", message: "x", nextUpdateAt: past() }, status: 422, error: /future/, field: "nextUpdateAt" },
  { name: "oversized message", body: { status: "identified", message: "y".repeat(20_001) }, status: 422, error: /too long/, field: "message" },
];

describe("POST /api/v1/incidents/{id}/updates refuses bad input and changes nothing", () => {
  for (const c of updateCases) it(c.name, () => refused("update", c).then(() => undefined));

  it("still accepts a good update afterwards", async () => {
    const res = await call(postUpdate, { path: `/api/v1/incidents/${openId}/updates`, params: { id: openId }, token, body: { status: "identified", message: "ok", components: { "sign-in": "partial_outage" } } });
    expect(res.status).toBe(201);
  });
});
