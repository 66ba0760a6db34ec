import Link from "next/link";

export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-3 px-4 py-4">
        <Link href="/" className="text-xl font-bold text-slate-900 no-underline">Herald status</Link>
        <nav aria-label="Status pages">
          <ul className="flex gap-4 text-sm">
            <li><Link href="/">Current status</Link></li>
            <li><Link href="/history">History</Link></li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
