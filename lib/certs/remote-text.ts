/**
 * Text a remote server chose (an SMTP banner, a TLS library's error), made fit to store and show:
 * control and bidi characters become spaces, runs of space collapse, and at most `max` characters stay.
 */
export function remoteText(text: string, max = 200): string {
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, " ").replace(/\s+/g, " ").trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
