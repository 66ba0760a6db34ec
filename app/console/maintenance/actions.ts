"use server";

import { action } from "@/lib/console/action";
import { readCancelForm, readMaintenanceUpdateForm, readRescheduleForm, readScheduleForm } from "@/lib/console/read-maintenance-form";
import { cancelMaintenance } from "@/lib/maintenance/cancel-maintenance";
import { postMaintenanceUpdate } from "@/lib/maintenance/post-maintenance-update";
import { rescheduleMaintenance } from "@/lib/maintenance/reschedule-maintenance";
import { scheduleMaintenance } from "@/lib/maintenance/schedule-maintenance";

/** Schedule: any responder; on to the new maintenance's page. */
export const scheduleMaintenanceAction = action(readScheduleForm, (input, user) => scheduleMaintenance(input, user), {
  revalidate: ["/console/maintenance"], redirect: (m) => `/console/maintenance/${m.id}`,
});

// The detail page's forms are bound to the maintenance id.
export const rescheduleMaintenanceAction = action(readRescheduleForm, (input, user, id: string) => rescheduleMaintenance(id, input, user), {
  revalidate: (m) => ["/console/maintenance", `/console/maintenance/${m.id}`],
});
export const cancelMaintenanceAction = action(readCancelForm, (input, user, id: string) => cancelMaintenance(id, input.note, user), {
  revalidate: (m) => ["/console/maintenance", `/console/maintenance/${m.id}`],
});
export const postMaintenanceUpdateAction = action(readMaintenanceUpdateForm, (input, user, id: string) => postMaintenanceUpdate(id, input, user), {
  revalidate: (u) => ["/console/maintenance", `/console/maintenance/${u.incidentId}`],
});
