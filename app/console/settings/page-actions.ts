"use server";

import { action, formAction } from "@/lib/console/action";
import { footerLinksText, readPageSettingsForm } from "@/lib/console/read-page-settings-form";
import { removeLogo } from "@/lib/page/remove-logo";
import { saveLogo } from "@/lib/page/save-logo";
import { updatePageSettings } from "@/lib/page/update-page-settings";

/** Save the public page's settings (admins only; audited by the verb) and show them as stored. */
export const savePageSettingsAction = action(readPageSettingsForm, (patch, user) => updatePageSettings(patch, user), {
  role: "admin",
  revalidate: ["/console/settings"],
  done: (s) => ({
    values: { name: s.name, accentColor: s.accentColor, supportUrl: s.supportUrl ?? "", timeZone: s.timeZone ?? "", announcement: s.announcement ?? "", footerLinks: footerLinksText(s.footerLinks) },
  }),
});

/** Upload the logo (a file field; the bytes decide the type). Next's 1 MB action limit bounds the body. */
export const uploadLogoAction = action(
  (_values, fd) => {
    const file = fd.get("logo");
    return file instanceof Blob ? { ok: true, data: file } : { ok: false, errors: { logo: "Choose a logo file to upload" } };
  },
  (file, user) => saveLogo(file, user),
  { role: "admin", revalidate: ["/console/settings"] },
);

/** Remove the logo; a plain form so it works without JavaScript. */
export const removeLogoAction = formAction(() => ({ ok: true, data: null }), (_none, user) => removeLogo(user), {
  role: "admin", revalidate: ["/console/settings"], redirect: () => "/console/settings",
});
