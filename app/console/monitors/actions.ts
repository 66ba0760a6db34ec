"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { createMonitor } from "@/lib/certs/create-monitor";
import { formValues, readMonitorForm } from "@/lib/certs/read-monitor-form";
import { runCheck } from "@/lib/certs/run-check";
import { CATEGORY_LABEL, type Category } from "@/lib/certs/categories";
import { DomainError, isBusyError } from "@/lib/errors";
import type { CheckNowState, MonitorFormState } from "@/app/console/monitors/state";

function domainErrors(err: unknown): Record<string, string> | null {
  if (err instanceof DomainError) {
    const field = err.details?.field;
    if (typeof field === "string") return { [field]: err.message };
    if (err.details?.components) return { components: err.message };
    return { _: err.message };
  }
  if (isBusyError(err)) return { _: "The database is busy; try again in a moment. Nothing was saved." };
  return null;
}

/** Add-monitor form: parse, create, go to the new monitor; on failure hand back values and messages. */
export async function createMonitorAction(prev: MonitorFormState, fd: FormData): Promise<MonitorFormState> {
  const user = await requireUser();
  const values = formValues(fd);
  const read = readMonitorForm(fd);
  if (!read.ok) return { seq: prev.seq + 1, values, errors: read.errors };
  let id: number;
  try {
    id = (await createMonitor(read.data, user)).id;
  } catch (err) {
    const errors = domainErrors(err);
    if (!errors) throw err;
    return { seq: prev.seq + 1, values, errors };
  }
  revalidatePath("/console/monitors");
  redirect(`/console/monitors/${id}`);
}

/** "Check now": one check through the same state machine as the scheduler. */
export async function checkNowAction(prev: CheckNowState, fd: FormData): Promise<CheckNowState> {
  await requireUser();
  const id = Number(fd.get("id"));
  if (!Number.isSafeInteger(id) || id <= 0) return { seq: prev.seq + 1, error: "Unknown monitor" };
  try {
    const run = await runCheck(id);
    revalidatePath(`/console/monitors/${id}`);
    revalidatePath("/console/monitors");
    const label = CATEGORY_LABEL[run.result.category as Category] ?? run.result.category;
    const incident = !run.incidentId ? "" : run.decision.kind === "open" ? ` Opened incident ${run.incidentId}.` : ` Incident ${run.incidentId} is open.`;
    return { seq: prev.seq + 1, message: `Checked: ${label}.${incident}` };
  } catch (err) {
    const errors = domainErrors(err);
    if (!errors) throw err;
    return { seq: prev.seq + 1, error: Object.values(errors).join(" ") };
  }
}
