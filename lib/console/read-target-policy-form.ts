import { targetPolicyInput, type TargetPolicy } from "@/lib/certs/target-policy";

/** One entry a line (blank lines and "# comments" ignored) → the policy, or messages per list. */
export function readTargetPolicyForm(values: { allow: string; deny: string }):
  | { ok: true; data: TargetPolicy }
  | { ok: false; errors: Record<string, string> } {
  const lines = (text: string) => text.split(/\r?\n/).map((l) => l.replace(/#.*$/, "").trim()).filter(Boolean);
  const parsed = targetPolicyInput.safeParse({ allow: lines(values.allow), deny: lines(values.deny) });
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "_");
    errors[field] = errors[field] ? `${errors[field]}; ${issue.message}` : issue.message;
  }
  return { ok: false, errors: Object.keys(errors).length ? errors : { _: "The policy is not valid" } };
}
