import * as sqlite from "./schema";
import { activeDialect } from "./dialect";
import { toPg } from "./pg/to-pg";

/**
 * What `@/db/schema` resolves to (tsconfig paths, vitest.config.ts): db/schema.ts with each table
 * replaced by the active dialect's, chosen once per process from DATABASE_URL. On PostgreSQL the
 * tables are the twins db/pg/to-pg.ts derives, typed as the SQLite tables (same rows: see to-pg.ts).
 */
export * from "./schema";

export const tablesDialect = activeDialect();
const t = (tablesDialect === "pg" ? toPg(sqlite) : sqlite) as unknown as typeof sqlite;

export const {
  users, apiTokens, services, componentGroups, components, counters, incidents, incidentComponents,
  incidentUpdates, updateComponentChanges, componentStatusChanges, updateChannelOptions, deliveries, monitors,
  monitorComponents, checkResults, notices, noticeMails, auditLog, leases, signinAttempts, settings,
  subscribers, subscriberComponents, pageAssets, accountLinks, templates, incidentReviews,
} = t;
