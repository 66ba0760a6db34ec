"use server";

import { action } from "@/lib/console/action";
import { updateTargetPolicy } from "@/lib/certs/update-target-policy";
import { readTargetPolicyForm } from "@/lib/console/read-target-policy-form";

/** Save the monitor target policy: admins only, audited by the verb; shows the policy as stored. */
export const saveTargetPolicyAction = action(
  (values) => readTargetPolicyForm({ allow: values.allow ?? "", deny: values.deny ?? "" }),
  (policy, user) => updateTargetPolicy(policy, user),
  {
    role: "admin",
    revalidate: ["/console/settings"],
    done: (saved) => ({ values: { allow: saved.policy.allow.join("\n"), deny: saved.policy.deny.join("\n") } }),
  },
);
