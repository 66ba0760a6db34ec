"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { updateTargetPolicy } from "@/lib/certs/update-target-policy";
import { formErrors } from "@/lib/console/form-state";
import { readTargetPolicyForm } from "@/lib/console/read-target-policy-form";
import type { TargetPolicyFormState } from "@/app/console/settings/state";

/** Save the monitor target policy: admins only, audited by the verb. */
export async function saveTargetPolicyAction(prev: TargetPolicyFormState, fd: FormData): Promise<TargetPolicyFormState> {
  const user = await requireUser("admin");
  const values = { allow: String(fd.get("allow") ?? ""), deny: String(fd.get("deny") ?? "") };
  const read = readTargetPolicyForm(values);
  if (!read.ok) return { seq: prev.seq + 1, values, errors: read.errors };
  try {
    const saved = await updateTargetPolicy(read.data, user);
    revalidatePath("/console/settings");
    return { seq: prev.seq + 1, values: { allow: saved.policy.allow.join("\n"), deny: saved.policy.deny.join("\n") }, errors: {}, saved: true };
  } catch (err) {
    const errors = formErrors(err);
    if (!errors) throw err;
    return { seq: prev.seq + 1, values, errors };
  }
}
