import { seed } from "@/db/seed";
import { KNOWN_PASSWORD } from "@/tests/support/app-server";
import type { Actor } from "@/lib/auth/actor";
import { openIncidentInput, type OpenIncidentRequest } from "@/lib/incidents/input";
import { openIncident } from "@/lib/incidents/open-incident";

export const responder: Actor = { kind: "user", userId: 2, email: "responder@herald.test", name: "Riley Responder", role: "responder" };

/** Demo services and users without demo incidents, so counts in tests start at zero. */
export const seedCatalog = () => seed({ incidents: false, password: KNOWN_PASSWORD });

export const inOneHour = (now = Date.now()) => new Date(now + 3_600_000).toISOString();

export function open(overrides: Partial<OpenIncidentRequest> = {}, now?: number) {
  return openIncident(openIncidentInput.parse({
    service: "teams", title: "Sign-in failures", message: "Investigating sign-in failures.",
    components: { "sign-in": "major_outage" }, nextUpdateAt: inOneHour(now), ...overrides,
  }), responder, { now });
}
