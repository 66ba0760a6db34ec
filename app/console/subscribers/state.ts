/** What the add form shows once: the new subscriber and, for a webhook, its signing secret. */
export type NewSubscriber = { id: number; channel: string; target: string; secret: string | null };
