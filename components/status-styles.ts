import type { ComponentStatus, Impact, IncidentStatus } from "@/db/schema";
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
  operational: { text: "text-green-800", dot: "bg-green-600", icon: "✓" },
  degraded_performance: { text: "text-amber-800", dot: "bg-amber-500", icon: "!" },
  partial_outage: { text: "text-orange-800", dot: "bg-orange-600", icon: "!" },
  major_outage: { text: "text-red-800", dot: "bg-red-600", icon: "✕" },
  under_maintenance: { text: "text-blue-800", dot: "bg-blue-600", icon: "i" },
};

export const INCIDENT_STATUS_TONE: Record<IncidentStatus, string> = {
  investigating: "bg-red-100 text-red-900 ring-red-300",
  identified: "bg-orange-100 text-orange-900 ring-orange-300",
  monitoring: "bg-blue-100 text-blue-900 ring-blue-300",
  resolved: "bg-green-100 text-green-900 ring-green-300",
};

export const IMPACT_TONE: Record<Impact, string> = {
  none: "bg-slate-100 text-slate-800 ring-slate-300",
  minor: "bg-amber-100 text-amber-900 ring-amber-300",
  major: "bg-orange-100 text-orange-900 ring-orange-300",
  critical: "bg-red-100 text-red-900 ring-red-300",
};
