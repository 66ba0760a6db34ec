import type { ComponentStatus, Impact, EventStatus } from "@/db/schema";
import type { Indicator } from "@/lib/status/overall";

// Colour always sits beside text; every pair here meets WCAG AA contrast.
export const BANNER_TONE: Record<Indicator, string> = {
  none: "bg-green-700 text-white",
  minor: "bg-amber-300 text-slate-950",
  major: "bg-orange-700 text-white",
  critical: "bg-red-700 text-white",
  maintenance: "bg-blue-700 text-white",
};

export const COMPONENT_TONE: Record<ComponentStatus, { text: string; dot: string; icon: string }> = {
  operational: { text: "text-green-800 dark:text-green-300", dot: "bg-green-600", icon: "✓" },
  degraded_performance: { text: "text-amber-800 dark:text-amber-300", dot: "bg-amber-500", icon: "!" },
  partial_outage: { text: "text-orange-800 dark:text-orange-300", dot: "bg-orange-600", icon: "!" },
  major_outage: { text: "text-red-800 dark:text-red-300", dot: "bg-red-600", icon: "✕" },
  under_maintenance: { text: "text-blue-800 dark:text-blue-300", dot: "bg-blue-600", icon: "i" },
};

export const INCIDENT_STATUS_TONE: Record<EventStatus, string> = {
  investigating: "bg-red-100 dark:bg-red-950 text-red-900 dark:text-red-200 ring-red-300 dark:ring-red-800",
  identified: "bg-orange-100 dark:bg-orange-950 text-orange-900 dark:text-orange-200 ring-orange-300 dark:ring-orange-800",
  monitoring: "bg-blue-100 dark:bg-blue-950 text-blue-900 dark:text-blue-200 ring-blue-300 dark:ring-blue-800",
  resolved: "bg-green-100 dark:bg-green-950 text-green-900 dark:text-green-200 ring-green-300 dark:ring-green-800",
  scheduled: "bg-blue-100 dark:bg-blue-950 text-blue-900 dark:text-blue-200 ring-blue-300 dark:ring-blue-800",
  in_progress: "bg-blue-100 dark:bg-blue-950 text-blue-900 dark:text-blue-200 ring-blue-300 dark:ring-blue-800",
  verifying: "bg-blue-100 dark:bg-blue-950 text-blue-900 dark:text-blue-200 ring-blue-300 dark:ring-blue-800",
  completed: "bg-green-100 dark:bg-green-950 text-green-900 dark:text-green-200 ring-green-300 dark:ring-green-800",
};

export const IMPACT_TONE: Record<Impact, string> = {
  none: "bg-slate-100 dark:bg-slate-800 text-slate-800 dark:text-slate-200 ring-slate-300 dark:ring-slate-700",
  minor: "bg-amber-100 dark:bg-amber-950 text-amber-900 dark:text-amber-200 ring-amber-300 dark:ring-amber-800",
  major: "bg-orange-100 dark:bg-orange-950 text-orange-900 dark:text-orange-200 ring-orange-300 dark:ring-orange-800",
  critical: "bg-red-100 dark:bg-red-950 text-red-900 dark:text-red-200 ring-red-300 dark:ring-red-800",
};
