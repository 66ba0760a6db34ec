"use server";

import { z } from "zod";
import { formAction } from "@/lib/console/action";
import { dismissNotice } from "@/lib/notices/dismiss-notice";

/** Dismiss button of the console notices banner. An unknown or already gone notice is a no-op. */
export const dismissNoticeAction = formAction(
  z.object({ id: z.coerce.number().int().positive() }),
  ({ id }, user) => dismissNotice(id, user),
  { refresh: true },
);
