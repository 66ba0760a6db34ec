import { parseGraphFilter, type GraphFilter } from "@/lib/graph/filter";
import { GraphQueryError } from "@/lib/graph/query-error";

export const GRAPH_DEFAULT_TOP = 100;
export const GRAPH_MAX_TOP = 100;

export type GraphCursor = { startedAt: number; number: number };
export type GraphQuery = { top: number; filter: GraphFilter; after: GraphCursor | null };

const SUPPORTED = new Set(["$top", "$filter", "$skiptoken"]);

/** Read `$top` (1–100; larger asks are served 100 a page), `$filter` and the paging `$skiptoken`. */
export function parseGraphQuery(params: URLSearchParams): GraphQuery {
  for (const key of params.keys()) {
    if (key.startsWith("$") && !SUPPORTED.has(key)) throw new GraphQueryError(`Query option ${key} is not supported here; use $top, $filter or the @odata.nextLink`);
  }
  const topText = params.get("$top");
  let top = GRAPH_DEFAULT_TOP;
  if (topText !== null) {
    if (!/^\d{1,9}$/.test(topText) || Number(topText) < 1) throw new GraphQueryError("$top must be a whole number from 1");
    top = Math.min(Number(topText), GRAPH_MAX_TOP);
  }
  const filterText = params.get("$filter");
  return { top, filter: filterText === null ? {} : parseGraphFilter(filterText), after: readCursor(params.get("$skiptoken")) };
}

export const writeCursor = (c: GraphCursor) => Buffer.from(`${c.startedAt}.${c.number}`).toString("base64url");

function readCursor(token: string | null): GraphCursor | null {
  if (token === null) return null;
  const m = /^(\d{1,15})\.(\d{1,15})$/.exec(Buffer.from(token, "base64url").toString("utf8"));
  if (!m) throw new GraphQueryError("$skiptoken is not one this server gave out; start again from the first page");
  return { startedAt: Number(m[1]), number: Number(m[2]) };
}
