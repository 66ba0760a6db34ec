// The slice of autocannon's API the benchmark uses (the package ships no types).
declare module "autocannon" {
  type Histogram = { average: number; p50: number; p90: number; p99: number; max: number; total?: number };
  export type Result = {
    requests: Histogram & { total: number; sent: number };
    latency: Histogram;
    throughput: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    "2xx": number;
    "3xx": number;
    "4xx": number;
    "5xx": number;
    duration: number;
  };
  export type Options = {
    url: string;
    connections?: number;
    duration?: number;
    pipelining?: number;
    headers?: Record<string, string>;
    timeout?: number;
    /** Each request may be rewritten before it is sent (a unique path per request). */
    requests?: { setupRequest?: (req: { path?: string; method?: string }) => { path?: string; method?: string } }[];
  };
  function autocannon(opts: Options): Promise<Result>;
  export default autocannon;
}
