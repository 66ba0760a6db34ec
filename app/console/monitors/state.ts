/** What the monitor forms get back from their server actions. */
export type MonitorFormState = { seq: number; values: Record<string, string>; errors: Record<string, string>; saved?: boolean };
export type CheckNowState = { seq: number; message?: string; error?: string };
