"use client";

import { useSyncExternalStore } from "react";
import { formatLocal, formatUtc, toIso } from "@/lib/public/format-time";

const subscribe = () => () => {};

/**
 * A time in UTC (rendered on the server, so cached pages stay identical for everyone) plus
 * the reader's own zone, added after hydration: the server snapshot is null, so no mismatch.
 */
export function LocalTime({ ms, className }: { ms: number; className?: string }) {
  const local = useSyncExternalStore(subscribe, () => formatLocal(ms), () => null);
  return (
    <time dateTime={toIso(ms)} className={className}>
      {formatUtc(ms)}
      {local ? <span className="text-slate-600" data-local-time=""> ({local})</span> : null}
    </time>
  );
}
