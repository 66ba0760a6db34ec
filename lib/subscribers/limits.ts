import { RateWindow } from "@/lib/http/rate-window";

const int = (name: string, fallback: number) => {
  const n = Number(process.env[name] ?? fallback);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

/** Signups per client address (IPv6: per /64) per 10 minutes (HERALD_SUBSCRIBE_PER_IP, default 10). */
export const signupLimiter = new RateWindow(int("HERALD_SUBSCRIBE_PER_IP", 10), 10 * 60_000);
/** Confirm, unsubscribe and manage posts per client address per 10 minutes (60). */
export const linkLimiter = new RateWindow(int("HERALD_SUBSCRIPTION_LINKS_PER_IP", 60), 10 * 60_000);
