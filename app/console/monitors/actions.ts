"use server";

import { z } from "zod";
import { action, type Read } from "@/lib/console/action";
import type { CreateMonitorInput } from "@/lib/certs/input";
import { createMonitor } from "@/lib/certs/create-monitor";
import { formValues, readMonitorForm } from "@/lib/certs/read-monitor-form";
import { checkNow } from "@/lib/certs/check-now";
import { updateMonitor } from "@/lib/certs/update-monitor";
import { setMonitorEnabled } from "@/lib/certs/set-monitor-enabled";
import { deleteMonitor } from "@/lib/certs/delete-monitor";
import { CATEGORY_LABEL, type Category } from "@/lib/certs/categories";

const unknown = { error: "Unknown monitor" };
const monitorId = z.coerce.number(unknown).int(unknown).positive(unknown).max(Number.MAX_SAFE_INTEGER, unknown);
const byId = z.object({ id: monitorId });
const pages = (id: number) => ["/console/monitors", `/console/monitors/${id}`];

/** Add-monitor form: parse, create, go to the new monitor; on failure hand back values and messages. */
export const createMonitorAction = action(
  (_values, fd) => readMonitorForm(fd),
  (input, user) => createMonitor(input, user),
  { values: formValues, revalidate: ["/console/monitors"], redirect: (monitor) => `/console/monitors/${monitor.id}` },
);

/** "Check now": one check through the same state machine as the scheduler. */
export const checkNowAction = action(byId, ({ id }, user) => checkNow(id, user), {
  revalidate: (_run, { id }) => pages(id),
  done: (run) => {
    const label = CATEGORY_LABEL[run.result.category as Category] ?? run.result.category;
    const incident = !run.incidentId ? "" : run.decision.kind === "open" ? ` Opened incident ${run.incidentId}.` : ` Incident ${run.incidentId} is open.`;
    return { message: `Checked: ${label}.${incident}` };
  },
});

/** Edit form: the same fields as add; a cleared SNI or CA bundle is removed, not left as it was. */
export const updateMonitorAction = action(
  (_values, fd): Read<CreateMonitorInput & { id: number }> => {
    const id = monitorId.safeParse(fd.get("id"));
    if (!id.success) return { ok: false, errors: { _: "Unknown monitor; nothing was saved." } };
    const read = readMonitorForm(fd);
    return read.ok ? { ok: true, data: { id: id.data, ...read.data } } : read;
  },
  ({ id, ...data }, user) => updateMonitor(id, { ...data, servername: data.servername ?? null, caPem: data.caPem ?? null }, user),
  { values: formValues, revalidate: (monitor) => pages(monitor.id) },
);

/** Pause (enabled=false) or resume. */
export const setMonitorEnabledAction = action(
  z.object({ id: monitorId, enabled: z.string().optional().transform((v) => v === "true") }),
  ({ id, enabled }, user) => setMonitorEnabled(id, enabled, user),
  {
    revalidate: (monitor) => pages(monitor.id),
    done: (_monitor, { enabled }) => ({ message: enabled ? "Resumed; a check is due now." : "Paused; no checks until you resume." }),
  },
);

/** Delete (the button asks first); refused with the verb's message while its incident is open. */
export const deleteMonitorAction = action(byId, ({ id }, user) => deleteMonitor(id, user), {
  revalidate: ["/console/monitors"],
  redirect: () => "/console/monitors",
});
