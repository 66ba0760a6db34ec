/**
 * A tiny XML writer: element and attribute names come from code, every value is escaped here,
 * and characters XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/FFFF) are dropped.
 */
export type XmlNode = { name: string; attrs: Record<string, string | undefined>; children: Array<XmlNode | string> };

const INVALID = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

export const xmlSafe = (s: string) => s.replace(INVALID, "");

export function escapeText(s: string): string {
  return xmlSafe(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, "&quot;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;");
}

/** An element; `null`/`false` children are left out so optional parts read naturally. */
export function el(name: string, attrs: Record<string, string | undefined> = {}, ...children: Array<XmlNode | string | null | false | undefined>): XmlNode {
  return { name, attrs, children: children.filter((c): c is XmlNode | string => c !== null && c !== false && c !== undefined) };
}

function write(node: XmlNode, out: string[]): void {
  out.push(`<${node.name}`);
  for (const [k, v] of Object.entries(node.attrs)) if (v !== undefined) out.push(` ${k}="${escapeAttr(v)}"`);
  if (node.children.length === 0) { out.push("/>"); return; }
  out.push(">");
  for (const c of node.children) if (typeof c === "string") out.push(escapeText(c)); else write(c, out);
  out.push(`</${node.name}>`);
}

export function renderXml(root: XmlNode): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  write(root, out);
  out.push("\n");
  return out.join("");
}
