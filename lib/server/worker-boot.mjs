// Worker threads do not inherit `--import tsx`; register it here, then load the renderer.
import { register } from "tsx/esm/api";

register();
await import(new URL("./next-worker.ts", import.meta.url).href);
