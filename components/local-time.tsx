import { getPageSettings } from "@/lib/page/get-page-settings";
import { formatStated, toIso } from "@/lib/public/format-time";
import { ReaderTime } from "@/components/reader-time";

/**
 * A time in the page's stated zone (UTC unless an admin set one), rendered on the server so
 * cached pages stay identical for everyone, plus the reader's own zone after hydration.
 */
export async function LocalTime({ ms, className }: { ms: number; className?: string }) {
  const { timeZone } = await getPageSettings();
  return (
    <time dateTime={toIso(ms)} className={className}>
      {formatStated(ms, timeZone)}
      <ReaderTime ms={ms} />
    </time>
  );
}
