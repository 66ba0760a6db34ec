import { createHash } from "node:crypto";

/**
 * The one script a public document loads (progressive enhancement; the page reads fully
 * without it): beside each server-rendered time, the reader's own zone, exactly as the
 * console's hydrated LocalTime shows it (same Intl options as formatLocal, same span).
 */
export const ENHANCE_JS = `(function () {
  var f;
  try {
    f = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" });
  } catch (e) { return; }
  var times = document.querySelectorAll("time[datetime]");
  for (var i = 0; i < times.length; i++) {
    var t = times[i], ms = Date.parse(t.getAttribute("datetime"));
    if (isNaN(ms) || t.querySelector("[data-local-time]")) continue;
    var s = document.createElement("span");
    s.className = "text-slate-600 dark:text-slate-400";
    s.setAttribute("data-local-time", "");
    s.textContent = " (" + f.format(ms) + ")";
    t.appendChild(s);
  }
})();
`;

/** Content-hashed, so it is cached for a year and a new build's script gets a new name. */
export const ENHANCE_PATH = `/assets/enhance.${createHash("sha256").update(ENHANCE_JS).digest("hex").slice(0, 12)}.js`;
