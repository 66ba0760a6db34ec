import { expect, type Page } from "@playwright/test";
import type { AppServer } from "@/tests/support/app-server";

export const PASSWORD = "herald-demo-password";

export async function signIn(page: Page, app: AppServer, email = "responder@herald.test"): Promise<void> {
  await page.goto(`${app.url}/console/signin`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${app.url}/console`);
}

/** Sign the page's browser context in through next-auth's endpoint (for specs about other screens). */
export async function signInThroughApi(page: Page, app: Pick<AppServer, "url">, email = "responder@herald.test"): Promise<void> {
  const { csrfToken } = (await (await page.request.get(`${app.url}/api/auth/csrf`)).json()) as { csrfToken: string };
  const res = await page.request.post(`${app.url}/api/auth/callback/credentials`, {
    form: { csrfToken, email, password: PASSWORD, json: "true" },
  });
  expect(res.ok()).toBe(true);
}

/** Fail the test on any JS dialog (XSS) or React hydration error in the page. */
export function watchPage(page: Page): { problems: string[] } {
  const problems: string[] = [];
  page.on("dialog", (d) => { problems.push(`dialog: ${d.message()}`); void d.dismiss(); });
  page.on("console", (m) => { if (m.type() === "error" && /hydrat|Minified React error/i.test(m.text())) problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  return { problems };
}

/** What the reader in Los Angeles should see beside a UTC time. */
export const laTime = (iso: string) => new Intl.DateTimeFormat("en-US", {
  month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short", timeZone: "America/Los_Angeles",
}).format(new Date(iso));
