import { renderMarkdown } from "@/lib/render/markdown";

/** Update bodies: the only place raw HTML is set, and it comes from the safe renderer. */
export function Markdown({ source, className = "" }: { source: string; className?: string }) {
  return <div className={`prose-herald ${className}`} dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }} />;
}
