import { refresh, revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { actionKit } from "@/lib/console/action-kit";

export type { Read, Reader, Verb, ActionOptions } from "@/lib/console/action-kit";

/**
 * The one way to write a console server action: `action(reader, verb, options)` for
 * useActionState forms, `formAction(...)` for plain forms. See docs/architecture.md.
 */
export const { action, formAction } = actionKit({
  requireUser,
  revalidatePath: (path) => revalidatePath(path),
  refresh: () => refresh(),
});
