"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { dismissNotice } from "@/lib/notices/dismiss-notice";

const noticeId = z.coerce.number().int().positive();

/** Dismiss button of the console notices banner. An unknown or already gone notice is a no-op. */
export async function dismissNoticeAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const id = noticeId.safeParse(formData.get("id"));
  if (!id.success) return;
  try {
    await dismissNotice(id.data, user);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
  }
  refresh();
}
