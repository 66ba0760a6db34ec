import { channels } from "@/lib/fanout/registry";
import type { SocialField } from "@/lib/console/form-fields";

/** Every social channel in the registry, configured or not (the API accepts options for any of them). */
export const socialChannels = () => channels.filter((c) => c.kind === "push" && c.social);

/** The configured social channels, for the update forms: one skip box and one text field each. */
export function socialFields(): SocialField[] {
  return socialChannels().filter((c) => c.status().enabled)
    .map((c) => ({ name: c.name, label: c.label, maxText: c.social?.maxText ?? 0 }));
}
