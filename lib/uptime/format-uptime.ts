import { COMPONENT_STATUS_LABEL } from "@/lib/status/overall";
import type { UptimeDay } from "@/lib/uptime/load-uptime";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "99.95%": rounded down, so a day with any downtime never reads 100%. */
export const formatUptime = (x: number) => (x >= 1 ? "100%" : `${(Math.floor(x * 10_000) / 100).toFixed(2)}%`);

/** "5 Jun 2030" from a UTC date "2030-06-05", matching formatUtc's day. */
export const formatDay = (date: string) => `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;

/** A bar's words: "5 Jun 2030: 93.75% up, Major outage." (the status only when it was not operational). */
export const dayLabel = (d: UptimeDay) =>
  `${formatDay(d.date)}: ${formatUptime(d.uptime)} up${d.worst === "operational" ? "" : `, ${COMPONENT_STATUS_LABEL[d.worst]}`}`;
