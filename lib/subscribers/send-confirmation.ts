import type { Subscriber } from "@/db/schema";
import { publicBaseUrl } from "@/lib/api/public-url";
import { subscriberLinks } from "@/lib/channels/email/links";
import { sendMail } from "@/lib/channels/email/send-mail";
import { pageIdentity } from "@/lib/page/page-identity";

/** The one mail a pending subscriber gets: a link to a page that confirms by a deliberate POST. */
export async function sendConfirmationMail(sub: Subscriber): Promise<void> {
  const { confirm } = subscriberLinks(publicBaseUrl(), sub);
  const page = (await pageIdentity()).name.replace(/[\u0000-\u001f\u007f]+/g, " ");
  const result = await sendMail({
    to: sub.target,
    subject: `Confirm your subscription to ${page}`,
    text: `Someone (hopefully you) asked for incident updates from ${page} at this address.\n\nTo confirm, open this link and press "Confirm":\n${confirm}\n\nIf it was not you, ignore this mail: nothing will be sent.`,
    html: `<p>Someone (hopefully you) asked for incident updates from ${page.replace(/[&<>"']/g, "")} at this address.</p><p><a href="${confirm}">Confirm your subscription</a></p><p>If it was not you, ignore this mail: nothing will be sent.</p>`,
  });
  if (!result.ok) throw new Error(result.error);
}
