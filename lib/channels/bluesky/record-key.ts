import { TID } from "@atproto/common-web";
import type { Delivery } from "@/db/schema";

/**
 * The post's record key, derived from the delivery alone: a TID whose time is the delivery's
 * createdAt (ms, plus id % 1000 as microseconds) and whose clock id is the rest of the id. A
 * retry after a crash names the same record, so "is it there?" has a definite answer.
 */
export function deliveryRecordKey(delivery: Pick<Delivery, "id" | "createdAt">): string {
  const micros = delivery.createdAt * 1000 + (delivery.id % 1000);
  return TID.fromTime(micros, Math.floor(delivery.id / 1000) % 1024).toString();
}
