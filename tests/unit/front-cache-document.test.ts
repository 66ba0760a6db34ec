import { describe, expect, it } from "vitest";
import { ENHANCE_JS, ENHANCE_PATH } from "@/lib/assets/enhance-script";
import { asDocument } from "@/lib/front-cache/as-document";

// The shape of a Next 16 app-router render (taken from a real one, shortened).
const render = [
  `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>`,
  `<link rel="stylesheet" href="/_next/static/chunks/0b1c.css" nonce="N" data-precedence="next"/>`,
  `<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/webpack-1.js" nonce="N"/>`,
  `<link rel="modulepreload" href="/_next/static/chunks/m.js"/>`,
  `<link rel="preload" href="/_next/static/media/font.woff2" as="font" crossorigin=""/>`,
  `<script src="/_next/static/chunks/a.js" async="" nonce="N"></script>`,
  `<title>Current status · Herald status</title><link rel="icon" href="/favicon.ico"/>`,
  `<link rel="alternate" type="application/rss+xml" href="/history.rss"/>`,
  `</head><body><main><p>Posted <time dateTime="2026-11-26T16:00:00.000Z">26 Nov 2026, 16:00 UTC</time></p>`,
  `<p>A responder wrote &lt;script&gt;alert(1)&lt;/script&gt; here.</p></main>`,
  `<script nonce="N">(self.__next_f=self.__next_f||[]).push([0])</script>`,
  `<script nonce="N">self.__next_f.push([1,"3:\\"$Sreact.fragment\\"\\n\\u003c/script\\u003e"])</script>`,
  `<SCRIPT id="_R_" nonce="N">requestAnimationFrame(function(){$RT=performance.now()});</SCRIPT >`,
  `</body></html>`,
].join("");

describe("a cached public page is a document", () => {
  const doc = asDocument(render, ENHANCE_PATH);

  it("ships no framework runtime, no RSC payload and no script preload", () => {
    expect(doc).not.toMatch(/__next_f|\$RT|webpack-1\.js|chunks\/a\.js|chunks\/m\.js/);
    expect(doc.match(/<script/gi)).toHaveLength(1);
    expect(doc).not.toMatch(/as="script"|modulepreload/);
    expect(doc).not.toContain("nonce=");
  });

  it("loads exactly one first-party script, from <head>, deferred", () => {
    expect(doc).toContain(`<script src="${ENHANCE_PATH}" defer=""></script></head>`);
    expect(ENHANCE_PATH).toMatch(/^\/assets\/enhance\.[0-9a-f]{12}\.js$/);
    expect(Buffer.byteLength(ENHANCE_JS)).toBeLessThan(2048);
  });

  it("keeps everything a reader sees and every non-script link", () => {
    for (const kept of [
      `<link rel="stylesheet" href="/_next/static/chunks/0b1c.css" data-precedence="next"/>`,
      `<link rel="preload" href="/_next/static/media/font.woff2" as="font" crossorigin=""/>`,
      `<title>Current status · Herald status</title><link rel="icon" href="/favicon.ico"/>`,
      `<link rel="alternate" type="application/rss+xml" href="/history.rss"/>`,
      `<time dateTime="2026-11-26T16:00:00.000Z">26 Nov 2026, 16:00 UTC</time>`,
      `<p>A responder wrote &lt;script&gt;alert(1)&lt;/script&gt; here.</p>`,
    ]) expect(doc).toContain(kept);
  });

  it("leaves a fragment without <head> readable (no script added where it cannot go)", () => {
    expect(asDocument(`<p>version 1</p><script>x()</script>`, ENHANCE_PATH)).toBe("<p>version 1</p>");
  });
});
