import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { getTargetPolicy } from "@/lib/certs/get-target-policy";
import { DEFAULT_TARGET_POLICY } from "@/lib/certs/target-policy";
import { TargetPolicyForm } from "@/app/console/settings/target-policy-form";
import { getPageSettings } from "@/lib/page/get-page-settings";
import { footerLinksText } from "@/lib/console/read-page-settings-form";
import { LogoForm } from "@/app/console/settings/logo-form";
import { PageSettingsForm } from "@/app/console/settings/page-settings-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requireUser("admin");
  const { policy, updatedAt } = await getTargetPolicy();
  const page = await getPageSettings();
  const box = "space-y-3 rounded-lg border border-slate-300 bg-white p-4 dark:border-slate-700 dark:bg-slate-900";
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">Settings</h1>
      <section aria-labelledby="public-page" className={box}>
        <h2 id="public-page" className="text-lg font-semibold">Public page</h2>
        <PageSettingsForm initial={{
          name: page.name, accentColor: page.accentColor, supportUrl: page.supportUrl ?? "", timeZone: page.timeZone ?? "",
          announcement: page.announcement ?? "", footerLinks: footerLinksText(page.footerLinks), uptimeDays: String(page.uptimeDays),
        }} />
      </section>
      <section aria-labelledby="logo-heading" className={box}>
        <h2 id="logo-heading" className="text-lg font-semibold">Logo</h2>
        <LogoForm logoUrl={page.logo?.url ?? null} name={page.name} />
      </section>
      <section aria-labelledby="targets" className={box}>
        <h2 id="targets" className="text-lg font-semibold">Certificate monitor targets</h2>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Which hosts certificate monitors may connect to. Herald checks the host and every address it resolves to when a
          monitor is added and again at every check. Loopback and private ranges are allowed unless you deny them here.
          {updatedAt === null && " This is the default policy."}
        </p>
        <details className="text-sm">
          <summary>Default denied targets</summary>
          <p className="mt-1 font-mono text-xs">{DEFAULT_TARGET_POLICY.deny.join("  ")}</p>
        </details>
        <TargetPolicyForm initial={{ allow: policy.allow.join("\n"), deny: policy.deny.join("\n") }} />
      </section>
    </div>
  );
}
