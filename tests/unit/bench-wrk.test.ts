import { describe, expect, it } from "vitest";
import { parseWrk } from "@/scripts/bench/wrk";

// wrk 4.1's own reports (Debian's package), as the bench reads them. With scripts/bench/wrk-report.lua
// wrk adds the request count and the latency tail (µs), for pooling slices.
const WITH_REPORT = `Running 1s test @ http://127.0.0.1:3733/
  1 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    27.04ms   78.79ms 437.11ms   91.85%
    Req/Sec    17.79k    11.28k   30.11k    60.00%
  Latency Distribution
     50%    2.30ms
     75%    5.59ms
     90%   39.26ms
     99%  396.92ms
  17644 requests in 1.00s, 159.16MB read
Requests/sec:  17582.86
Transfer/sec:    158.61MB
HERALD-WRK {"requests":17644,"durationUs":1003477,"tail":[[50,2297],[90,39256],[95,236006],[97,316500],[98,356719],[98.5,378337],[99,396919],[99.25,407785],[99.5,418652],[99.75,429423],[99.9,433427],[99.99,437076],[100,437107]]}
`;
const BAD = `Running 5s test @ http://127.0.0.1:3950/
  1 threads and 64 connections
  Latency Distribution
     50%  812.00us
     75%    1.20ms
     90%    2.50s
     99%    1.05s
  2000 requests in 5.00s, 1.00MB read
  Socket errors: connect 3, read 2, write 0, timeout 7
  Non-2xx or 3xx responses: 41
Requests/sec:    400.10
`;

describe("the bench reads wrk's report", () => {
  it("takes the rate and the latency percentiles in milliseconds", () => {
    expect(parseWrk(WITH_REPORT)).toMatchObject({ rps: 17582.86, p50: 2.3, p99: 396.92, errors: 0, non2xx: 0 });
  });

  it("reads the request count and the latency tail in milliseconds from the report script", () => {
    const r = parseWrk(WITH_REPORT);
    expect(r.requests).toBe(17644);
    expect(r.tail?.[0]).toEqual([50, 2.297]);
    expect(r.tail?.find(([p]) => p === 99)).toEqual([99, 396.919]);
    expect(r.tail?.at(-1)).toEqual([100, 437.107]);
  });

  it("converts µs and s, and counts socket errors and non-2xx answers", () => {
    const r = parseWrk(BAD);
    expect(r.p50).toBeCloseTo(0.812);
    expect(r.p99).toBe(1050);
    expect(r.errors).toBe(12);
    expect(r.non2xx).toBe(41);
  });
});
