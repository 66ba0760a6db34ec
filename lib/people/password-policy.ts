import { z } from "zod";

export const MIN_PASSWORD = 12;

// The most common passwords of 12+ characters in public breach lists; anything on it is refused.
const COMMON = new Set([
  "123456789012", "1234567890123", "12345678910", "qwertyuiopas", "qwerty123456", "password1234", "password12345",
  "passwordpassword", "iloveyou1234", "abc123456789", "111111111111", "000000000000", "123123123123", "aaaaaaaaaaaa",
  "qwertyuiop123", "1q2w3e4r5t6y", "1qaz2wsx3edc", "zaq12wsxcde3", "letmein12345", "welcome12345", "administrator",
  "changeme1234", "trustno1trustno1", "football1234", "baseball1234", "princess1234", "sunshine1234", "superman1234",
  "monkey123456", "dragon123456", "master123456", "qwertyqwerty", "asdfghjkl123", "herald-demo-password", "herald123456",
  "statuspage123", "correcthorsebatterystaple", "passw0rd1234", "p@ssw0rd1234", "p@ssword1234",
]);

const repetitive = (pw: string) => new Set(pw.toLowerCase()).size < 5;

/** A new password: at least 12 characters, not a well-known one, not mostly one character. */
export const newPassword = z.string({ error: "password is required" })
  .min(MIN_PASSWORD, { error: `password must be at least ${MIN_PASSWORD} characters` })
  .max(200, { error: "password is too long (at most 200 characters)" })
  .refine((pw) => !COMMON.has(pw.toLowerCase()), { error: "this password is too common; choose another" })
  .refine((pw) => !repetitive(pw), { error: "this password repeats too few characters; choose another" });

/** The "password twice" pair every form asks for; a mismatch is reported on the second field. */
export const passwordPair = z.object({ password: newPassword, confirm: z.string().optional() })
  .refine((v) => v.password === v.confirm, { error: "the two passwords do not match", path: ["confirm"] });

export const personName = z.string({ error: "name is required" }).trim()
  .min(1, { error: "name is required" }).max(100, { error: "name is too long (at most 100 characters)" });

export const email = z.email({ error: "a valid email is required" }).trim().toLowerCase().max(320, { error: "email is too long" });
