import { sql } from "drizzle-orm";
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

// Every time is UTC milliseconds since the epoch (integer), shown with its zone at the edges.
const ms = (name: string) => integer(name, { mode: "number" });
const now = sql`(unixepoch('subsec') * 1000)`;

export const ROLES = ["admin", "responder"] as const;
export const COMPONENT_STATUSES = [
  "operational",
  "degraded_performance",
  "partial_outage",
  "major_outage",
  "under_maintenance",
] as const;
export const INCIDENT_STATUSES = ["investigating", "identified", "monitoring", "resolved"] as const;
/** A scheduled maintenance's statuses (Statuspage's); it shares the incidents table and ID space. */
export const MAINTENANCE_STATUSES = ["scheduled", "in_progress", "verifying", "completed"] as const;
export const EVENT_STATUSES = [...INCIDENT_STATUSES, ...MAINTENANCE_STATUSES] as const;
export const EVENT_KINDS = ["incident", "maintenance"] as const;
export const IMPACTS = ["none", "minor", "major", "critical"] as const;
export const CLASSIFICATIONS = ["incident", "advisory"] as const;
export const ORIGINS = ["responder", "monitor"] as const;
export const DELIVERY_STATES = ["pending", "sent", "dead", "skipped"] as const;
export const NOTICE_LEVELS = ["info", "warning", "critical"] as const;
// A responder's own mail for notices: "off", or the least severe level that is mailed.
export const NOTICE_MAIL_CHOICES = ["off", "critical", "warning", "info"] as const;

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  role: text("role", { enum: ROLES }).notNull().default("responder"),
  createdAt: ms("created_at").notNull().default(now),
  disabledAt: ms("disabled_at"),
  // Sessions issued before this are void (password changed or reset).
  passwordChangedAt: ms("password_changed_at"),
  noticeMail: text("notice_mail", { enum: NOTICE_MAIL_CHOICES }).notNull().default("off"),
  // Notices raised from this moment on are mailed; opting in never mails the backlog.
  noticeMailSince: ms("notice_mail_since"),
});

export const apiTokens = sqliteTable("api_tokens", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  userId: integer("user_id").notNull().references(() => users.id),
  name: text("name").notNull(),
  // sha256 of the token; the token itself is shown once and never stored.
  tokenHash: text("token_hash").notNull().unique(),
  prefix: text("prefix").notNull(),
  createdAt: ms("created_at").notNull().default(now),
  lastUsedAt: ms("last_used_at"),
  expiresAt: ms("expires_at"),
  revokedAt: ms("revoked_at"),
});

export const services = sqliteTable("services", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  idPrefix: text("id_prefix").notNull().unique(),
  description: text("description").notNull().default(""),
  position: integer("position").notNull().default(0),
  // Hidden: off the public page, still usable in the console. Archived: gone everywhere public,
  // history kept (what delete becomes once incidents or monitors refer to it).
  hidden: integer("hidden", { mode: "boolean" }).notNull().default(false),
  archivedAt: ms("archived_at"),
});

/** Optional headings inside a service, like Statuspage's component groups. */
export const componentGroups = sqliteTable(
  "component_groups",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    serviceId: integer("service_id").notNull().references(() => services.id),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    position: integer("position").notNull().default(0),
  },
  (t) => [uniqueIndex("component_groups_service_name").on(t.serviceId, t.name)],
);

export const components = sqliteTable(
  "components",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    serviceId: integer("service_id").notNull().references(() => services.id),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    // Cached: the status set by the latest update that changed this component.
    status: text("status", { enum: COMPONENT_STATUSES }).notNull().default("operational"),
    position: integer("position").notNull().default(0),
    updatedAt: ms("updated_at").notNull().default(now),
    groupId: integer("group_id").references(() => componentGroups.id),
    hidden: integer("hidden", { mode: "boolean" }).notNull().default(false),
    archivedAt: ms("archived_at"),
    // Uptime has no bars before this. SQLite cannot add a column with a computed default, so the
    // column default is 0 (backfilled by the migration) and inserts must stamp the time themselves:
    // drizzle prefers .default(0) to $defaultFn, so the latter never runs.
    createdAt: ms("created_at").notNull().default(0).$defaultFn(() => Date.now()),
  },
  (t) => [uniqueIndex("components_service_slug").on(t.serviceId, t.slug)],
);

/** One row per named counter; incident numbers come from the "incident" row and are never reused. */
export const counters = sqliteTable("counters", {
  name: text("name").primaryKey(),
  value: integer("value").notNull(),
});

export const incidents = sqliteTable(
  "incidents",
  {
    id: text("id").primaryKey(), // e.g. "TM202916"
    number: integer("number").notNull().unique(),
    serviceId: integer("service_id").notNull().references(() => services.id),
    title: text("title").notNull(),
    kind: text("kind", { enum: EVENT_KINDS }).notNull().default("incident"),
    classification: text("classification", { enum: CLASSIFICATIONS }).notNull().default("incident"),
    impact: text("impact", { enum: IMPACTS }).notNull().default("minor"),
    // Cached from the latest update; only the verbs that append updates write it.
    status: text("status", { enum: EVENT_STATUSES }).notNull(),
    userImpact: text("user_impact").notNull().default(""),
    scope: text("scope").notNull().default(""),
    rootCause: text("root_cause").notNull().default(""),
    origin: text("origin", { enum: ORIGINS }).notNull().default("responder"),
    monitorId: integer("monitor_id"),
    startedAt: ms("started_at").notNull(),
    resolvedAt: ms("resolved_at"),
    nextUpdateAt: ms("next_update_at"),
    createdBy: integer("created_by").references(() => users.id),
    updatedAt: ms("updated_at").notNull(),
    // Maintenance only (kind = "maintenance"): the window and what the background job does with it.
    scheduledFor: ms("scheduled_for"),
    scheduledUntil: ms("scheduled_until"),
    autoStart: integer("auto_start", { mode: "boolean" }).notNull().default(false),
    autoComplete: integer("auto_complete", { mode: "boolean" }).notNull().default(false),
    remindBeforeMinutes: integer("remind_before_minutes"),
    remindedAt: ms("reminded_at"),
    cancelledAt: ms("cancelled_at"),
    cancelNote: text("cancel_note"),
  },
  (t) => [
    index("incidents_status").on(t.status),
    index("incidents_kind_status").on(t.kind, t.status),
    index("incidents_started").on(t.startedAt),
    index("incidents_monitor").on(t.monitorId),
  ],
);

export const incidentComponents = sqliteTable(
  "incident_components",
  {
    incidentId: text("incident_id").notNull().references(() => incidents.id),
    componentId: integer("component_id").notNull().references(() => components.id),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.componentId] })],
);

export const incidentUpdates = sqliteTable(
  "incident_updates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    incidentId: text("incident_id").notNull().references(() => incidents.id),
    status: text("status", { enum: EVENT_STATUSES }).notNull(),
    body: text("body").notNull(), // markdown; sanitized when rendered
    postedAt: ms("posted_at").notNull(),
    nextUpdateAt: ms("next_update_at"),
    authorId: integer("author_id").references(() => users.id),
    authorName: text("author_name").notNull(),
    // X options before update_channel_options (0009); read only as that table's fallback for "x".
    customPost: text("custom_post"),
    skipX: integer("skip_x", { mode: "boolean" }).notNull().default(false),
    // Set when a responder corrects the text; the old text is kept in the audit log.
    editedAt: ms("edited_at"),
    // The update-like entry that publishing a post-incident review appends (its body is the review).
    review: integer("review", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [index("updates_incident_posted").on(t.incidentId, t.postedAt)],
);

export const updateComponentChanges = sqliteTable(
  "update_component_changes",
  {
    updateId: integer("update_id").notNull().references(() => incidentUpdates.id),
    componentId: integer("component_id").notNull().references(() => components.id),
    oldStatus: text("old_status", { enum: COMPONENT_STATUSES }).notNull(),
    newStatus: text("new_status", { enum: COMPONENT_STATUSES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.updateId, t.componentId] })],
);

/**
 * The uptime facts: every change of a component's status, with its time (issue 13). Written in
 * the same transaction as the cached components.status (lib/uptime/record-status.ts), never edited.
 */
export const componentStatusChanges = sqliteTable(
  "component_status_changes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    componentId: integer("component_id").notNull().references(() => components.id),
    at: ms("at").notNull(),
    status: text("status", { enum: COMPONENT_STATUSES }).notNull(),
    // The update (and so the incident or maintenance) that made the change, when there is one.
    updateId: integer("update_id").references(() => incidentUpdates.id),
  },
  (t) => [index("component_status_changes_component_at").on(t.componentId, t.at)],
);

/** Per-update options of a social channel (x, mastodon, bluesky): skip it, or post this text instead. */
export const updateChannelOptions = sqliteTable(
  "update_channel_options",
  {
    updateId: integer("update_id").notNull().references(() => incidentUpdates.id),
    channel: text("channel").notNull(),
    skip: integer("skip", { mode: "boolean" }).notNull().default(false),
    customText: text("custom_text"),
  },
  (t) => [primaryKey({ columns: [t.updateId, t.channel] })],
);
export type UpdateChannelOption = typeof updateChannelOptions.$inferSelect;

/** The outbox: one row per (update, push channel), written in the update's transaction. */
export const deliveries = sqliteTable(
  "deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    updateId: integer("update_id").notNull().references(() => incidentUpdates.id),
    incidentId: text("incident_id").notNull().references(() => incidents.id),
    channel: text("channel").notNull(),
    // 0 for a channel-wide post (X); else one row per (update, subscriber) of a subscriber channel.
    subscriberId: integer("subscriber_id").notNull().default(0),
    state: text("state", { enum: DELIVERY_STATES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: ms("next_attempt_at").notNull(),
    lastError: text("last_error"),
    remoteId: text("remote_id"),
    // Set while a dispatcher holds the row, so a crash mid-send is detectable on restart.
    claimedAt: ms("claimed_at"),
    createdAt: ms("created_at").notNull(),
    sentAt: ms("sent_at"),
  },
  (t) => [
    uniqueIndex("deliveries_update_channel_target").on(t.updateId, t.channel, t.subscriberId),
    index("deliveries_due").on(t.state, t.nextAttemptAt),
    // A subscriber's thread: its unfinished earlier deliveries for an incident block later ones.
    index("deliveries_subscriber_thread").on(t.channel, t.subscriberId, t.incidentId, t.updateId),
  ],
);

export const monitors = sqliteTable("monitors", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  host: text("host").notNull(),
  port: integer("port").notNull().default(443),
  servername: text("servername"),
  protocol: text("protocol", { enum: ["tls", "smtp-starttls"] }).notNull().default("tls"),
  caPem: text("ca_pem"),
  warnDays: integer("warn_days").notNull().default(21),
  criticalDays: integer("critical_days").notNull().default(7),
  intervalSeconds: integer("interval_seconds").notNull().default(3600),
  serviceId: integer("service_id").notNull().references(() => services.id),
  // 0 = wait for a responder; N = resolve after N consecutive healthy checks.
  autoResolve: integer("auto_resolve").notNull().default(0),
  enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
  nextCheckAt: ms("next_check_at").notNull().default(0),
  createdAt: ms("created_at").notNull().default(now),
  createdBy: integer("created_by").references(() => users.id),
}, (t) => [index("monitors_due").on(t.nextCheckAt)]); // the scheduler's one query per tick

export const monitorComponents = sqliteTable(
  "monitor_components",
  {
    monitorId: integer("monitor_id").notNull().references(() => monitors.id),
    componentId: integer("component_id").notNull().references(() => components.id),
  },
  (t) => [primaryKey({ columns: [t.monitorId, t.componentId] })],
);

/** Facts: one row per check, with its evidence. Monitor state is derived from these rows. */
export const checkResults = sqliteTable(
  "check_results",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    monitorId: integer("monitor_id").notNull().references(() => monitors.id),
    checkedAt: ms("checked_at").notNull(),
    category: text("category").notNull(),
    findings: text("findings", { mode: "json" }).$type<string[]>().notNull(),
    daysLeft: integer("days_left"),
    validTo: ms("valid_to"),
    serial: text("serial"),
    chain: text("chain", { mode: "json" }).$type<unknown[]>().notNull(),
    tls: text("tls", { mode: "json" }).$type<Record<string, unknown>>(),
    error: text("error"),
    durationMs: integer("duration_ms").notNull().default(0),
  },
  (t) => [index("check_results_monitor").on(t.monitorId, t.checkedAt)],
);

/** Responder-only alerts (certificate thresholds, overdue updates); never public. */
export const notices = sqliteTable(
  "notices",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind").notNull(),
    // Dedup key: one notice per (monitor, threshold, certificate serial) and the like.
    dedupKey: text("dedup_key").notNull().unique(),
    monitorId: integer("monitor_id").references(() => monitors.id),
    incidentId: text("incident_id").references(() => incidents.id),
    level: text("level", { enum: NOTICE_LEVELS }).notNull(),
    message: text("message").notNull(),
    createdAt: ms("created_at").notNull(),
    dismissedAt: ms("dismissed_at"),
  },
  // Posting an update clears that incident's overdue notices.
  (t) => [index("notices_incident").on(t.incidentId)],
);

/** Responder mail for notices: one row per (notice, opted-in user), claimed before the send. */
export const noticeMails = sqliteTable(
  "notice_mails",
  {
    noticeId: integer("notice_id").notNull().references(() => notices.id),
    userId: integer("user_id").notNull().references(() => users.id),
    state: text("state", { enum: DELIVERY_STATES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: ms("next_attempt_at").notNull(),
    claimedAt: ms("claimed_at"),
    sentAt: ms("sent_at"),
    lastError: text("last_error"),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.noticeId, t.userId] }), index("notice_mails_due").on(t.state, t.nextAttemptAt)],
);

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: ms("at").notNull(),
    actorId: integer("actor_id"),
    actor: text("actor").notNull(), // email, "token:<prefix>" or "system"
    action: text("action").notNull(),
    target: text("target"),
    detail: text("detail", { mode: "json" }).$type<Record<string, unknown>>(),
    ip: text("ip"),
  },
  (t) => [index("audit_at").on(t.at)],
);

/** A named lease so that one instance at a time runs a background job. */
export const leases = sqliteTable("leases", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  expiresAt: ms("expires_at").notNull(),
});

/**
 * Sign-in attempts inside the rate-limit window, per account (email as typed, normalized) and per
 * client IP. A row is written before the password is checked and kept only if it fails, so
 * concurrent guesses count too. Rows older than the window are pruned.
 */
export const signinAttempts = sqliteTable(
  "signin_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: ms("at").notNull(),
    email: text("email").notNull(),
    ip: text("ip"),
  },
  (t) => [index("signin_attempts_email").on(t.email, t.at), index("signin_attempts_ip").on(t.ip, t.at), index("signin_attempts_at").on(t.at)],
);

export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value", { mode: "json" }).$type<unknown>().notNull(),
  updatedAt: ms("updated_at").notNull(),
});

export const SUBSCRIBER_CHANNELS = ["email", "webhook", "slack", "teams"] as const;

/**
 * People and systems that asked for updates. State is derived from the timestamps:
 * unsubscribed > quarantined > active (confirmed) > pending.
 */
export const subscribers = sqliteTable(
  "subscribers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    channel: text("channel", { enum: SUBSCRIBER_CHANNELS }).notNull(),
    target: text("target").notNull(), // an email address or an http(s) URL, as given
    targetKey: text("target_key").notNull(), // normalised (lower-cased address, canonical URL)
    // Webhooks sign with this; shown once when the subscriber is created.
    secret: text("secret"),
    createdAt: ms("created_at").notNull(),
    createdBy: integer("created_by").references(() => users.id), // null: self-service signup
    confirmedAt: ms("confirmed_at"),
    confirmationSentAt: ms("confirmation_sent_at"),
    unsubscribedAt: ms("unsubscribed_at"),
    quarantinedAt: ms("quarantined_at"),
    // First failure of the current run of failures (quarantine after a span of them).
    failingSince: ms("failing_since"),
    lastDeliveryAt: ms("last_delivery_at"),
    lastError: text("last_error"),
  },
  (t) => [uniqueIndex("subscribers_channel_target").on(t.channel, t.targetKey), index("subscribers_channel").on(t.channel, t.confirmedAt)],
);

/** A subscriber's component filter; no rows = every incident. */
export const subscriberComponents = sqliteTable(
  "subscriber_components",
  {
    subscriberId: integer("subscriber_id").notNull().references(() => subscribers.id),
    componentId: integer("component_id").notNull().references(() => components.id),
  },
  (t) => [primaryKey({ columns: [t.subscriberId, t.componentId] })],
);

/** Binary page assets (the logo), served from a content-versioned public URL. */
export const pageAssets = sqliteTable("page_assets", {
  key: text("key").primaryKey(),
  contentType: text("content_type").notNull(),
  data: blob("data", { mode: "buffer" }).$type<Buffer>().notNull(),
  sha256: text("sha256").notNull(),
  updatedAt: ms("updated_at").notNull(),
});

export const ACCOUNT_LINK_KINDS = ["invite", "reset"] as const;

/** One-time links: an invitation (email + role) or a password reset (user). Only the hash is kept. */
export const accountLinks = sqliteTable(
  "account_links",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: ACCOUNT_LINK_KINDS }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    email: text("email").notNull(),
    role: text("role", { enum: ROLES }),
    userId: integer("user_id").references(() => users.id),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: ms("created_at").notNull(),
    expiresAt: ms("expires_at").notNull(),
    usedAt: ms("used_at"),
    revokedAt: ms("revoked_at"),
  },
  (t) => [index("account_links_email").on(t.email)],
);

export const TEMPLATE_KINDS = ["incident", "update"] as const;

/** Named starting points for the new-incident and update forms. */
export const templates = sqliteTable(
  "templates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: TEMPLATE_KINDS }).notNull(),
    name: text("name").notNull(),
    serviceId: integer("service_id").references(() => services.id),
    title: text("title").notNull().default(""),
    body: text("body").notNull().default(""),
    status: text("status", { enum: INCIDENT_STATUSES }),
    impact: text("impact", { enum: IMPACTS }),
    // {componentSlug: status} for the template's service.
    components: text("components", { mode: "json" }).$type<Record<string, ComponentStatus>>().notNull().default({}),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: ms("created_at").notNull(),
    updatedAt: ms("updated_at").notNull(),
  },
  (t) => [uniqueIndex("templates_kind_name").on(t.kind, t.name)],
);

/**
 * A post-incident review of a resolved incident: a draft until published. Publishing appends one
 * update flagged `review` (so every channel sends it as the thread's last post); its due time is
 * derived from the incident's resolvedAt, never stored.
 */
export const incidentReviews = sqliteTable("incident_reviews", {
  incidentId: text("incident_id").primaryKey().references(() => incidents.id),
  body: text("body").notNull(),
  createdAt: ms("created_at").notNull(),
  updatedAt: ms("updated_at").notNull(),
  authorId: integer("author_id").references(() => users.id),
  publishedAt: ms("published_at"),
  updateId: integer("update_id").references(() => incidentUpdates.id),
});

export type User = typeof users.$inferSelect;
export type ApiToken = typeof apiTokens.$inferSelect;
export type Service = typeof services.$inferSelect;
export type Component = typeof components.$inferSelect;
export type Incident = typeof incidents.$inferSelect;
export type IncidentUpdate = typeof incidentUpdates.$inferSelect;
export type Delivery = typeof deliveries.$inferSelect;
export type ComponentStatusChange = typeof componentStatusChanges.$inferSelect;
export type Monitor = typeof monitors.$inferSelect;
export type CheckResult = typeof checkResults.$inferSelect;
export type Notice = typeof notices.$inferSelect;
export type NoticeMail = typeof noticeMails.$inferSelect;
export type NoticeLevel = (typeof NOTICE_LEVELS)[number];
export type NoticeMailChoice = (typeof NOTICE_MAIL_CHOICES)[number];
export type Subscriber = typeof subscribers.$inferSelect;
export type SubscriberChannel = (typeof SUBSCRIBER_CHANNELS)[number];
export type ComponentGroup = typeof componentGroups.$inferSelect;
export type AccountLink = typeof accountLinks.$inferSelect;
export type Template = typeof templates.$inferSelect;
export type IncidentReview = typeof incidentReviews.$inferSelect;
export type Role = (typeof ROLES)[number];
export type ComponentStatus = (typeof COMPONENT_STATUSES)[number];
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export type MaintenanceStatus = (typeof MAINTENANCE_STATUSES)[number];
export type EventStatus = (typeof EVENT_STATUSES)[number];
export type EventKind = (typeof EVENT_KINDS)[number];
export type Impact = (typeof IMPACTS)[number];
export type Classification = (typeof CLASSIFICATIONS)[number];
