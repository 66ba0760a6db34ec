import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-16">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="mt-3 text-slate-700 dark:text-slate-300">
        There is nothing at this address. If you followed a link to an incident, check its ID (for example TM200001).
      </p>
      <p className="mt-6"><Link href="/">Go to the current status page</Link></p>
    </main>
  );
}
