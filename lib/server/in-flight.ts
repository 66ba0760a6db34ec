/**
 * A bound on the work handed to the renderer at once: requests, and body bytes (the declared
 * length, or the whole limit for a body without one). Past either, callers answer 503.
 */
export function inFlightGate(maxRequests: number, maxBodyBytes: number) {
  let requests = 0;
  let bytes = 0;
  return {
    /** Take a slot for a request with `bodyBytes` to send; false when the renderer is full. */
    tryEnter(bodyBytes: number): boolean {
      if (requests >= maxRequests) return false;
      // A single body never exceeds its own limit, so one request always fits when none is in flight.
      if (bodyBytes > 0 && bytes > 0 && bytes + bodyBytes > maxBodyBytes) return false;
      requests += 1;
      bytes += bodyBytes;
      return true;
    },
    leave(bodyBytes: number): void {
      requests -= 1;
      bytes -= bodyBytes;
    },
    get inFlight() { return { requests, bytes }; },
  };
}
