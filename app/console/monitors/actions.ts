"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { createMonitor } from "@/lib/certs/create-monitor";
import { formValues, readMonitorForm } from "@/lib/certs/read-monitor-form";
import { checkNow } from "@/lib/certs/check-now";
import { updateMonitor } from "@/lib/certs/update-monitor";
import { setMonitorEnabled } from "@/lib/certs/set-monitor-enabled";
import { deleteMonitor } from "@/lib/certs/delete-monitor";
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

const monitorId = (fd: FormData) => { const id = Number(fd.get("id")); return Number.isSafeInteger(id) && id > 0 ? id : null; };

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
  const user = await requireUser();
  const id = monitorId(fd);
  if (id === null) return { seq: prev.seq + 1, error: "Unknown monitor" };
  try {
    const run = await checkNow(id, user);
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

/** Edit form: the same fields as add; a cleared SNI or CA bundle is removed, not left as it was. */
export async function updateMonitorAction(prev: MonitorFormState, fd: FormData): Promise<MonitorFormState> {
  const user = await requireUser();
  const values = formValues(fd);
  const id = monitorId(fd);
  if (id === null) return { seq: prev.seq + 1, values, errors: { _: "Unknown monitor; nothing was saved." } };
  const read = readMonitorForm(fd);
  if (!read.ok) return { seq: prev.seq + 1, values, errors: read.errors };
  try {
    await updateMonitor(id, { ...read.data, servername: read.data.servername ?? null, caPem: read.data.caPem ?? null }, user);
  } catch (err) {
    const errors = domainErrors(err);
    if (!errors) throw err;
    return { seq: prev.seq + 1, values, errors };
  }
  revalidatePath("/console/monitors");
  revalidatePath(`/console/monitors/${id}`);
  return { seq: prev.seq + 1, values, errors: {}, saved: true };
}

/** Pause (enabled=false) or resume. */
export async function setMonitorEnabledAction(prev: CheckNowState, fd: FormData): Promise<CheckNowState> {
  const user = await requireUser();
  const id = monitorId(fd);
  if (id === null) return { seq: prev.seq + 1, error: "Unknown monitor" };
  const enabled = fd.get("enabled") === "true";
  try {
    await setMonitorEnabled(id, enabled, user);
  } catch (err) {
    const errors = domainErrors(err);
    if (!errors) throw err;
    return { seq: prev.seq + 1, error: Object.values(errors).join(" ") };
  }
  revalidatePath("/console/monitors");
  revalidatePath(`/console/monitors/${id}`);
  return { seq: prev.seq + 1, message: enabled ? "Resumed; a check is due now." : "Paused; no checks until you resume." };
}

/** Delete (the button asks first); refused with the verb's message while its incident is open. */
export async function deleteMonitorAction(prev: CheckNowState, fd: FormData): Promise<CheckNowState> {
  const user = await requireUser();
  const id = monitorId(fd);
  if (id === null) return { seq: prev.seq + 1, error: "Unknown monitor" };
  try {
    await deleteMonitor(id, user);
  } catch (err) {
    const errors = domainErrors(err);
    if (!errors) throw err;
    return { seq: prev.seq + 1, error: Object.values(errors).join(" ") };
  }
  revalidatePath("/console/monitors");
  redirect("/console/monitors");
}
