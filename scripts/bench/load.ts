import autocannon from "autocannon";

// The load generator, in its own process: 64 (or `connections`) connections at one URL, or the
// flood of URLs nobody asked for before. Prints autocannon's result as one JSON line.
type Options = { url: string; connections: number; seconds: number; acceptEncoding?: string; flood?: boolean };
const o = JSON.parse(process.argv[2] ?? "{}") as Options;

const rnd = () => Math.floor(Math.random() * 1e12);
// Stray queries, random cursors, unknown IDs on every surface. `/og/status?v=` is left to the
// fault drill: the first card render alone adds ~110 MB of RSS (@vercel/og's wasm and fonts).
const FLOOD: (() => string)[] = [
  () => `/?v=${rnd()}`, () => `/history?page=${rnd()}`, () => `/history?before=${rnd()}`,
  () => `/incidents/XX${rnd()}`, () => `/incidents/XX${rnd()}/feed.rss`, () => `/og/incidents/XX${rnd()}?v=${rnd()}`,
  () => `/api/v2/summary.json?_=${rnd()}`,
];
let n = 0;
const pick = () => FLOOD[n++ % FLOOD.length]?.() ?? "/";

const result = await autocannon({
  url: o.url, connections: o.connections, duration: o.seconds, timeout: 10,
  headers: o.acceptEncoding ? { "accept-encoding": o.acceptEncoding } : {},
  ...(o.flood ? { requests: [{ setupRequest: (req) => ({ ...req, path: pick() }) }] } : {}),
});
console.log(JSON.stringify(result));
