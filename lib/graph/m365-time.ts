const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** Microsoft 365's wording: "Wednesday, November 17, 2021, at 1:00 PM UTC" (by hand: no ICU data needed). */
export function m365Time(ms: number): string {
  const d = new Date(ms);
  const h = d.getUTCHours();
  const minutes = String(d.getUTCMinutes()).padStart(2, "0");
  return `${DAYS[d.getUTCDay()]}, ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}, at ${h % 12 || 12}:${minutes} ${h < 12 ? "AM" : "PM"} UTC`;
}
