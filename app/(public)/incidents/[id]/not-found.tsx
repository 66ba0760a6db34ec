import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Incident not found" };

// Caught inside the public layout: with metadata rendered up front (htmlLimitedBots, so documents
// without JavaScript carry it in <head>) a 404 escaping to the root is an empty client-side shell.
export default function IncidentNotFound() {
  return (
    <div>
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="mt-3 text-slate-700">
        There is no incident with this ID. Check it (for example TM200001), or look through the incident history.
      </p>
      <p className="mt-6"><Link href="/">Go to the current status page</Link></p>
    </div>
  );
}
