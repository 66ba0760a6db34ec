import type { Channel } from "@/lib/fanout/channel";

// Pull channels render from the database on every request, so an update shows on the next one.
const pull = (name: string, label: string): Channel => ({ name, label, kind: "pull", status: () => ({ enabled: true }) });

export const statusPageChannel = pull("status-page", "Public status page");
export const feedsChannel = pull("feeds", "RSS and Atom feeds");
export const statuspageJsonChannel = pull("statuspage-json", "Statuspage-compatible JSON (/api/v2)");
