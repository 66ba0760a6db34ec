/** What the monitor-target form gets back: the text to show again, per-field messages, a notice. */
export type TargetPolicyFormState = { seq: number; values: { allow: string; deny: string }; errors: Record<string, string>; saved?: boolean };
