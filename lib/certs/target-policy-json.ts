import { DEFAULT_TARGET_POLICY, type TargetPolicy } from "@/lib/certs/target-policy";

/** The policy as the API shows it, with the defaults it falls back to for reference. */
export const targetPolicyJson = (p: { policy: TargetPolicy; updatedAt: number | null }) => ({
  allow: p.policy.allow,
  deny: p.policy.deny,
  updatedAt: p.updatedAt === null ? null : new Date(p.updatedAt).toISOString(),
  defaults: DEFAULT_TARGET_POLICY,
});
