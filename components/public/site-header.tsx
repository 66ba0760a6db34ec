import Link from "next/link";

/** The page's name (and logo, whose alt text is the name) with the public navigation. */
export function SiteHeader({ name, logoUrl }: { name: string; logoUrl: string | null }) {
  return (
    <header className="site-header border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
      <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-3 px-4 py-4">
        <Link href="/" className="flex items-center gap-3 text-xl font-bold text-slate-900 no-underline dark:text-slate-50">
          {/* eslint-disable-next-line @next/next/no-img-element -- a versioned, immutable URL needs no optimizer */}
          {logoUrl ? <img src={logoUrl} alt={name} className="h-10 w-auto max-w-48" data-logo="" /> : <span>{name}</span>}
        </Link>
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
