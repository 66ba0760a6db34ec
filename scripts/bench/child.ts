import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const tsxArgs = (file: string, args: string[]) => ["--conditions=react-server", "--import", "tsx", path.join(root, file), ...args];

/** Run a bench script in its own process (never blocking this one) and parse its last stdout line as JSON. */
export function runJson<T>(file: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<T> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, tsxArgs(file, args), { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "", err = "";
    p.stdout.on("data", (d: Buffer) => (out += d));
    p.stderr.on("data", (d: Buffer) => (err += d));
    p.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`${file} exited ${code}: ${err}`));
      try { resolve(JSON.parse(out.trim().split("\n").pop() ?? "") as T); } catch (e) { reject(e); }
    });
  });
}

/** A long-lived helper process that prints `port N` when ready and stops when its stdin closes. */
export async function startListening(file: string, args: string[]): Promise<{ url: string; proc: ChildProcess; close(): void }> {
  const proc = spawn(process.execPath, tsxArgs(file, args), { cwd: root, stdio: ["pipe", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve, reject) => {
    proc.stdout?.on("data", (d: Buffer) => { const m = /port (\d+)/.exec(d.toString()); if (m) resolve(Number(m[1])); });
    proc.on("exit", (code) => reject(new Error(`${file} exited ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, proc, close: () => void proc.stdin?.end() };
}
