/**
 * Drop NUL characters from typed text: they are never meaningful on a status page, every channel
 * strips them anyway, and PostgreSQL's text cannot store them (SQLite can). Used in zod's .overwrite().
 */
export const dropNul = (s: string): string => (s.includes("\u0000") ? s.replaceAll("\u0000", "") : s);
