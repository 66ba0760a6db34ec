import { z } from "zod";

const limit = (max: number, fallback: number) =>
  z.coerce.number({ error: "limit must be a number" })
    .int({ error: "limit must be a whole number" })
    .min(1, { error: "limit must be at least 1" })
    .max(max, { error: `limit must be at most ${max}` })
    .default(fallback);

/** GET /api/v1/incidents query: ?state=open|resolved|all&limit=N&service=slug */
export const incidentListQuery = z.object({
  state: z.enum(["open", "resolved", "all"], { error: "state must be open, resolved or all" }).default("all"),
  limit: limit(500, 50),
  service: z.string().trim().min(1, { error: "service must not be empty" }).max(100).optional(),
});

/** GET /api/v1/audit query: ?limit=N&before=<audit id> */
export const auditQuery = z.object({
  limit: limit(500, 100),
  before: z.coerce.number({ error: "before must be an audit row id" }).int().positive().optional(),
});
