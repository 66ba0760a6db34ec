import fs from "node:fs";
import path from "node:path";

/** The Big List of Naughty Strings (MIT, vendored: see tests/fixtures/blns/README.md). */
export const BLNS: string[] = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../fixtures/blns/blns.json"), "utf8")) as string[];

/**
 * Markup and URL payloads aimed at this app's outputs (HTML, markdown, RSC flight data, XML
 * feeds, JSON). Each would set window.__pwned, change the title, open a dialog or fetch
 * `canary` (a local server that must see no request) if it ever ran.
 */
export function payloads(canary: string): string[] {
  const pwn = "window.__pwned=1;document.title='PWNED'";
  return [
    `<script>${pwn}</script>`, `<script src="${canary}/s.js"></script>`, `</script><script>${pwn}</script>`,
    `"><script>${pwn}</script>`, `'><script>${pwn}</script>`, `</title><script>${pwn}</script>`, `</textarea><script>${pwn}</script>`,
    `<img src=x onerror="${pwn};alert('img')">`, `<img src="${canary}/img.png">`, `<img src=x:alert(alt) onerror=eval(src) alt=0>`,
    `<svg onload="${pwn};alert('svg')"></svg>`, `<svg><script>${pwn}</script></svg>`,
    `<svg><a xlink:href="javascript:${pwn}"><text y="20">svg link</text></a></svg>`,
    `<iframe src="javascript:parent.__pwned=1;alert('iframe')"></iframe>`, `<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>`,
    `<iframe src="${canary}/frame"></iframe>`, `<object data="${canary}/obj"></object>`, `<embed src="${canary}/embed">`,
    `<a href="javascript:${pwn}">javascript link</a>`, `<a href="  JaVaScRiPt:${pwn}">spaced link</a>`,
    `<a href="data:text/html,<script>alert(1)</script>">data link</a>`,
    `[markdown js link](javascript:${pwn})`, `[md data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
    `[md vbscript](vbscript:msgbox(1))`, `<javascript:alert(1)>`, `javascript:alert(document.domain)//`,
    `data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==`,
    `<link rel="stylesheet" href="${canary}/x.css">`, `<style>@import '${canary}/import.css'; body{display:none}</style>`,
    `<meta http-equiv="refresh" content="0;url=${canary}/meta">`, `<base href="${canary}/">`,
    `<form action="${canary}/form"><button>Go</button></form>`, `<body onload="${pwn}">`,
    `<details open ontoggle="${pwn};alert('toggle')">`, `<input autofocus onfocus="${pwn}">`, `<video><source onerror="${pwn}"></video>`,
    `<math><mtext><table><mglyph><style><img src=x onerror="${pwn}">`, `<noscript><p title="</noscript><img src=x onerror=${pwn}>">`,
    `<scr<script>ipt>${pwn}</scr</script>ipt>`, `%3Cscript%3E${pwn}%3C/script%3E`, `&lt;script&gt;alert(1)&lt;/script&gt;`,
    `<img src="x" onerror="&#97;&#108;&#101;&#114;&#116;(1)">`, "{{constructor.constructor('alert(1)')()}}", "${alert(1)}", "#{alert(1)}",
    `]]><script>${pwn}</script><![CDATA[`, `<![CDATA[<script>${pwn}</script>]]>`,
    `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><x>&xxe;</x>`,
    `self.__next_f.push([1,"pwn"])`, `$Sreact.fragment $@1 "$K1"`, "\u202egnp.exe", "‮<script>alert(1)</script>",
  ];
}

/**
 * Greedily pack strings into `bins` fields of at most `limit` characters, round-robin so every
 * field gets a share. Returns each field's text and which strings went in (by index).
 */
export function pack(strings: readonly string[], bins: number, limit: number, sep: string): { fields: string[]; placed: Set<number> } {
  const fields = Array.from({ length: bins }, () => "");
  const placed = new Set<number>();
  let next = 0;
  strings.forEach((s, i) => {
    for (let tried = 0; tried < bins; tried++) {
      const b = (next + tried) % bins;
      const joined = fields[b] ? `${fields[b]}${sep}${s}` : s;
      if (joined.length <= limit) {
        fields[b] = joined;
        placed.add(i);
        next = (b + 1) % bins;
        return;
      }
    }
  });
  return { fields, placed };
}

/** What HTML parsing does to text (CR and CRLF become LF), for comparing with the DOM. */
export const asParsed = (s: string) => s.replace(/\r\n?/g, "\n");
