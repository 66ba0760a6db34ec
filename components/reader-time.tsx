"use client";

import { useSyncExternalStore } from "react";
import { formatLocal } from "@/lib/public/format-time";

const subscribe = () => () => {};

/** The reader's own zone, added after hydration: the server snapshot is null, so no mismatch. */
export function ReaderTime({ ms }: { ms: number }) {
  const local = useSyncExternalStore(subscribe, () => formatLocal(ms), () => null);
  return local ? <span className="text-slate-600 dark:text-slate-400" data-local-time=""> ({local})</span> : null;
}
