type Point = { checkedAt: number; daysLeft: number | null };

/**
 * Days left over time as a small inline SVG: one line per run of checks that saw a
 * certificate, dashed lines at the warning and critical thresholds.
 */
export function DaysLeftChart({ points, warnDays, criticalDays, width = 160, height = 40 }: {
  points: Point[]; warnDays: number; criticalDays: number; width?: number; height?: number;
}) {
  const seen = points.filter((p): p is { checkedAt: number; daysLeft: number } => p.daysLeft !== null);
  const first = seen[0], last = seen[seen.length - 1];
  if (!first || !last) return <span className="text-xs text-slate-500 dark:text-slate-400">No data yet</span>;
  const top = Math.max(warnDays * 1.25, ...seen.map((p) => p.daysLeft), 1);
  const t0 = points[0]?.checkedAt ?? first.checkedAt, t1 = points[points.length - 1]?.checkedAt ?? last.checkedAt;
  const x = (t: number) => (t1 === t0 ? width / 2 : ((t - t0) / (t1 - t0)) * (width - 4) + 2);
  const y = (d: number) => height - 2 - (Math.max(0, Math.min(d, top)) / top) * (height - 4);
  const runs: Point[][] = [[]];
  for (const p of points) {
    if (p.daysLeft === null) runs.push([]);
    else runs[runs.length - 1]?.push(p);
  }
  const label = `Days left over the last ${points.length} checks: from ${first.daysLeft} to ${last.daysLeft}`;
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="overflow-visible">
      <title>{label}</title>
      <line x1={0} x2={width} y1={y(warnDays)} y2={y(warnDays)} className="stroke-amber-500" strokeDasharray="3 3" strokeWidth={1} />
      <line x1={0} x2={width} y1={y(criticalDays)} y2={y(criticalDays)} className="stroke-red-600" strokeDasharray="3 3" strokeWidth={1} />
      {runs.filter((r) => r.length > 0).map((r) => (
        <polyline key={r[0]?.checkedAt} fill="none" className="stroke-slate-800" strokeWidth={1.5}
          points={r.map((p) => `${x(p.checkedAt).toFixed(1)},${y(p.daysLeft ?? 0).toFixed(1)}`).join(" ")} />
      ))}
      <circle cx={x(last.checkedAt)} cy={y(last.daysLeft)} r={2} className="fill-slate-900" />
    </svg>
  );
}
