import type { ZodType } from "zod";
import type { Read } from "@/lib/console/action-kit";
import { formErrors } from "@/lib/console/form-errors";
import type { FormValues } from "@/lib/console/form-state";
import {
  cancelInput, maintenanceUpdateInput, rescheduleInput, scheduleMaintenanceInput,
  type CancelInput, type MaintenanceUpdateInput, type RescheduleInput, type ScheduleMaintenanceInput,
} from "@/lib/maintenance/input";

/** A datetime-local value ("2026-11-29T16:00") is UTC on these forms, so it gains a Z; empty stays absent. */
const utc = (v: string | undefined) => (v ? (/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v.length === 16 ? `${v}:00` : v}Z`) : undefined);

function read<I>(schema: ZodType<I>, raw: unknown): Read<I> {
  const parsed = schema.safeParse(raw);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: formErrors(parsed.error) ?? { _: "Invalid form" } };
}

export function readScheduleForm(v: FormValues, fd: FormData): Read<ScheduleMaintenanceInput> {
  return read(scheduleMaintenanceInput, {
    service: v.service ?? "", title: v.title ?? "", message: v.message ?? "",
    scheduledFor: utc(v.scheduledFor) ?? "", scheduledUntil: utc(v.scheduledUntil) ?? "",
    components: fd.getAll("components").filter((c): c is string => typeof c === "string"),
    autoStart: v.autoStart === "on", autoComplete: v.autoComplete === "on",
    remindBeforeMinutes: v.remindBeforeMinutes ? Number(v.remindBeforeMinutes) : 60,
  });
}

export const readRescheduleForm = (v: FormValues): Read<RescheduleInput> =>
  read(rescheduleInput, { scheduledFor: utc(v.scheduledFor), scheduledUntil: utc(v.scheduledUntil), message: v.message || undefined });
export const readCancelForm = (v: FormValues): Read<CancelInput> => read(cancelInput, { cancel: true, note: v.note ?? "" });
export const readMaintenanceUpdateForm = (v: FormValues): Read<MaintenanceUpdateInput> =>
  read(maintenanceUpdateInput, { status: v.status ?? "", message: v.message ?? "" });
