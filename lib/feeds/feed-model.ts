/** What both feed formats are written from. Times are UTC ms; `html` is already safe HTML. */
export type FeedEntry = { id: string; title: string; link: string; published: number; updated: number; html: string };

export type Feed = {
  id: string;
  title: string;
  subtitle: string;
  /** The HTML page this feed follows. */
  link: string;
  /** Where the feed itself lives (atom:link rel="self"). */
  selfUrl: string;
  updated: number;
  author: string;
  entries: FeedEntry[];
};

export const rfc822 = (ms: number) => new Date(ms).toUTCString().replace(/GMT$/, "+0000");
export const rfc3339 = (ms: number) => new Date(ms).toISOString();
