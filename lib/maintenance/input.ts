import { z } from "zod";
import { MAINTENANCE_STATUSES } from "@/db/schema";
import { MAX_BODY, MAX_TITLE } from "@/lib/incidents/input";
import { dropNul } from "@/lib/text/drop-nul";

export const MAX_REMIND_MINUTES = 7 * 24 * 60;
export const MAX_COMPONENTS = 200;

const text = (label: string, max: number) => z
  .string({ error: (i) => (i.input === undefined ? `${label} is required` : `${label} must be text`) })
  .overwrite(dropNul).trim().min(1, { error: `${label} is required` }).max(max, { error: `${label} is too long (at most ${max} characters)` });

/** ISO 8601 with an explicit zone; converted to UTC ms. */
const time = (label: string) => z
  .string({ error: `${label} must be an ISO 8601 time` })
  .refine((s) => /(Z|[+-]\d\d:?\d\d)$/i.test(s.trim()) && !Number.isNaN(Date.parse(s)), {
    error: `${label} must be an ISO 8601 time with a zone, e.g. 2026-11-26T16:00:00Z`,
  })
  .transform((s) => Date.parse(s));

const remind = z.number({ error: "remindBeforeMinutes must be a number of minutes" }).int({ error: "remindBeforeMinutes must be whole minutes" })
  .min(0, { error: "remindBeforeMinutes must be 0 (no reminder) or more" })
  .max(MAX_REMIND_MINUTES, { error: `remindBeforeMinutes is at most ${MAX_REMIND_MINUTES} (7 days)` });

export const scheduleMaintenanceInput = z.object({
  service: text("service", 100),
  title: text("title", MAX_TITLE),
  message: text("message", MAX_BODY),
  scheduledFor: time("scheduledFor"),
  scheduledUntil: time("scheduledUntil"),
  components: z.array(z.string().trim().min(1).max(100), { error: "components must be a list of component slugs" })
    .max(MAX_COMPONENTS, { error: `at most ${MAX_COMPONENTS} components` }).default([]),
  autoStart: z.boolean({ error: "autoStart must be true or false" }).default(true),
  autoComplete: z.boolean({ error: "autoComplete must be true or false" }).default(true),
  remindBeforeMinutes: remind.default(60),
});

/** PATCH: reschedule (new window, optionally a note and reminder), or cancel with a note. */
export const rescheduleInput = z.object({
  scheduledFor: time("scheduledFor").optional(),
  scheduledUntil: time("scheduledUntil").optional(),
  remindBeforeMinutes: remind.optional(),
  message: text("message", MAX_BODY).optional(),
});
export const cancelInput = z.object({ cancel: z.literal(true, { error: "cancel must be true" }), note: text("note", MAX_BODY) });

export const maintenanceUpdateInput = z.object({
  status: z.enum(MAINTENANCE_STATUSES, { error: `status must be one of ${MAINTENANCE_STATUSES.join(", ")}` }),
  message: text("message", MAX_BODY),
});

export type ScheduleMaintenanceInput = z.infer<typeof scheduleMaintenanceInput>;
export type RescheduleInput = z.infer<typeof rescheduleInput>;
export type CancelInput = z.infer<typeof cancelInput>;
export type MaintenanceUpdateInput = z.infer<typeof maintenanceUpdateInput>;
