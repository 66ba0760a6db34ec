/**
 * A route tells the front cache which version its answer holds (an OG card's `updatedAt`, the
 * theme's accent), so a `?v=` URL of that version needs no render of its own. Never sent to readers.
 */
export const CARD_VERSION = "x-herald-card-version";
