import * as sqlite from "../schema";
import { toPg } from "./to-pg";

// The PostgreSQL twins of db/schema.ts, under the same names (relative imports: drizzle-kit loads this).
const pg = toPg(sqlite);

export const {
  users, apiTokens, services, componentGroups, components, counters, incidents, incidentComponents, incidentUpdates,
  updateComponentChanges, componentStatusChanges, updateChannelOptions, deliveries, monitors, monitorComponents,
  checkResults, notices, noticeMails, auditLog, leases, signinAttempts, settings, subscribers, subscriberComponents,
  pageAssets, accountLinks, templates, incidentReviews,
} = pg;
