import type { NoticeLevel, NoticeMailChoice } from "@/db/schema";

/** The levels each choice mails: a choice names the least severe level that is still mailed. */
export const MAILED_LEVELS: Record<Exclude<NoticeMailChoice, "off">, NoticeLevel[]> = {
  critical: ["critical"],
  warning: ["critical", "warning"],
  info: ["critical", "warning", "info"],
};

export const LEVEL_LABEL: Record<NoticeLevel, string> = { critical: "Critical", warning: "Warning", info: "Info" };
