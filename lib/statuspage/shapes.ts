import type { ComponentStatus, Impact, EventStatus } from "@/db/schema";
import type { Indicator } from "@/lib/status/overall";

// Field names, nesting and enums follow Atlassian Statuspage's public /api/v2 exactly.
export type SpPage = { id: string; name: string; url: string; time_zone: string; updated_at: string };
export type SpStatus = { indicator: Indicator; description: string };

export type SpComponent = {
  id: string; name: string; status: ComponentStatus; created_at: string; updated_at: string; position: number;
  description: string | null; showcase: boolean; start_date: string | null; group_id: string | null; page_id: string;
  group: boolean; only_show_if_degraded: boolean; components?: string[];
};

export type SpAffectedComponent = { code: string; name: string; old_status: ComponentStatus; new_status: ComponentStatus };

/** Statuspage's incident and update status gain "postmortem" once the review is published. */
export type SpIncidentStatus = EventStatus | "postmortem";

export type SpIncidentUpdate = {
  id: string; status: SpIncidentStatus; body: string; incident_id: string; created_at: string; updated_at: string;
  display_at: string; affected_components: SpAffectedComponent[] | null; deliver_notifications: boolean;
  custom_tweet: string | null; tweet_id: string | null;
};

export type SpIncident = {
  id: string; name: string; status: SpIncidentStatus; created_at: string; updated_at: string; monitoring_at: string | null;
  resolved_at: string | null; impact: Impact | "maintenance"; shortlink: string; started_at: string; page_id: string;
  incident_updates: SpIncidentUpdate[]; components: SpComponent[];
  /** The post-incident review (Markdown) and when it was published; both null until then. */
  postmortem_body: string | null; postmortem_published_at: string | null;
};

/** Statuspage's maintenances carry no post-incident review fields. */
export type SpMaintenance = Omit<SpIncident, "postmortem_body" | "postmortem_published_at"> & { scheduled_for: string; scheduled_until: string };

export const iso = (ms: number) => new Date(ms).toISOString();
export const isoOrNull = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : iso(ms));
