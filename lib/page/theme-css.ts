/** The page's own stylesheet: the CSP forbids inline styles, so the accent arrives as a same-origin file. */
export const themeCss = (accentColor: string) => `:root{--herald-accent:${accentColor}}\n`;

/** The versioned URL of that stylesheet: it changes whenever the accent does. */
export const themeCssUrl = (accentColor: string) => `/theme.css?v=${accentColor.replace("#", "")}`;
