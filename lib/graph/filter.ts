import { CLASSIFICATIONS, type Classification } from "@/db/schema";
import { GraphQueryError } from "@/lib/graph/query-error";

export type GraphFilter = { isResolved?: boolean; classification?: Classification; service?: string };

// Only `field eq value` clauses joined by `and` on three fields are supported, so a small strict
// reader refuses everything else by name; a general OData parser would accept more than we answer.
const CLAUSE = /^\s*(isResolved|classification|service)\s+eq\s+(true|false|'(?:[^']|'')*')\s*$/;
export const MAX_FILTER_LENGTH = 500;

/** Parse `$filter`, e.g. `isResolved eq false and service eq 'Exchange Online'`. */
export function parseGraphFilter(text: string): GraphFilter {
  if (text.length > MAX_FILTER_LENGTH) throw new GraphQueryError(`$filter is too long (at most ${MAX_FILTER_LENGTH} characters)`);
  const filter: GraphFilter = {};
  for (const clause of splitAnd(text)) {
    const m = CLAUSE.exec(clause);
    if (!m) throw new GraphQueryError(`Unsupported $filter clause "${clause.trim()}": only isResolved, classification and service with eq, joined by and`);
    const field = m[1]!;
    const raw = m[2]!;
    const quoted = raw.startsWith("'");
    const value = quoted ? raw.slice(1, -1).replace(/''/g, "'") : raw;
    if (field === "isResolved") {
      if (quoted) throw new GraphQueryError("isResolved compares with true or false (no quotes)");
      filter.isResolved = value === "true";
    } else if (!quoted) {
      throw new GraphQueryError(`${field} compares with a quoted string, e.g. ${field} eq 'incident'`);
    } else if (field === "classification") {
      const known = CLASSIFICATIONS.find((c) => c === value);
      if (!known) throw new GraphQueryError(`classification must be 'incident' or 'advisory'`);
      filter.classification = known;
    } else {
      filter.service = value;
    }
  }
  return filter;
}

// Split on " and " outside quoted strings.
function splitAnd(text: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "'") quoted = !quoted;
    else if (!quoted && /^\sand\s/i.test(text.slice(i, i + 5))) {
      parts.push(text.slice(start, i));
      start = i + 5;
      i += 4;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
