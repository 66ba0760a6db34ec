/** A link only keyboard users see (on focus), past a long stretch of the page. */
export function SkipLink({ to = "main", children = "Skip to content", inPlace = false }: { to?: string; children?: string; inPlace?: boolean }) {
  // The page's first link floats at the top; one further down shows where it is.
  const where = inPlace ? "focus:inline-block" : "focus:absolute focus:left-2 focus:top-2 focus:z-50";
  return (
    <a href={`#${to}`} className={`sr-only focus:not-sr-only ${where} focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900 focus:shadow`}>
      {children}
    </a>
  );
}
