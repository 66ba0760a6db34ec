"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/console", label: "Incidents" },
  { href: "/console/incidents/new", label: "New incident" },
  { href: "/console/maintenance", label: "Maintenance" },
  { href: "/console/deliveries", label: "Deliveries" },
  { href: "/console/monitors", label: "Monitors" },
  { href: "/console/templates", label: "Templates" },
  { href: "/console/tokens", label: "API tokens" },
  { href: "/console/account", label: "Account" },
];

const isCurrent = (path: string, href: string) =>
  href === "/console" ? path === "/console" || (path.startsWith("/console/incidents/") && path !== "/console/incidents/new") : path.startsWith(href);

export function ConsoleNav({ admin }: { admin: boolean }) {
  const path = usePathname() ?? "";
  const links = admin ? [...LINKS, { href: "/console/services", label: "Services" }, { href: "/console/subscribers", label: "Subscribers" }, { href: "/console/people", label: "People" }, { href: "/console/audit", label: "Audit log" }, { href: "/console/settings", label: "Settings" }] : LINKS;
  return (
    <nav aria-label="Console">
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {links.map((l) => {
          const current = isCurrent(path, l.href);
          return (
            <li key={l.href}>
              <Link href={l.href} aria-current={current ? "page" : undefined} className={current ? "font-bold text-slate-900 dark:text-slate-100" : undefined}>
                {l.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
