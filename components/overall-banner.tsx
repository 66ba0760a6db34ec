import type { OverallStatus } from "@/lib/status/overall";
import { BANNER_TONE } from "@/components/status-styles";

export function OverallBanner({ overall }: { overall: OverallStatus }) {
  return (
    <div role="status" data-indicator={overall.indicator} className={`rounded-lg px-5 py-4 text-lg font-semibold shadow-sm ${BANNER_TONE[overall.indicator]}`}>
      {overall.description}
    </div>
  );
}
