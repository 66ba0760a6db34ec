// Worker threads do not inherit `--import tsx`; register it here, then load the renderer.
import { register } from "tsx/esm/api";

register();
// tsx turns source maps on, and Node then keeps every chunk's map and sources in this heap:
// ~55 MB of it, ~90 MB of RSS. HERALD_SOURCE_MAPS=1 keeps them, for readable stack traces.
if (process.env.HERALD_SOURCE_MAPS !== "1") process.setSourceMapsEnabled(false);
await import(new URL("./next-worker.ts", import.meta.url).href);
