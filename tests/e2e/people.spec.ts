import { expect, test, type Browser, type Page } from "@playwright/test";
import { startApp, type AppServer } from "@/tests/support/app-server";
import { actionIds, callAction, formData } from "@/tests/support/security-kit";

/*
 * A fresh install, as its first admin and a responder would live it: /setup, an invite link opened
 * in another browser, a token, then disable → token 401 and session bounced; a reset link voids
 * older sessions; changing one's own password does too.
 */
let app: AppServer;
test.describe.configure({ mode: "serial" });
test.beforeAll(async () => { app = await startApp({ seed: "none", env: { HERALD_BACKGROUND: "off" } }); });
test.afterAll(async () => { await app?.stop(); });

const ADMIN = { email: "founder@example.test", password: "first-admin-secret" };
const RESPONDER = { email: "rio@example.test", password: "rio-on-call-secret" };

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${app.url}/console/signin`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${app.url}/console`);
}
const fresh = async (browser: Browser) => (await browser.newContext()).newPage();
const fillPasswords = async (page: Page, password: string, confirm = password) => {
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("New password again").fill(confirm);
};
let admin: Page, rio: Page, inviteUrl = "", rioToken = "";

test("a fresh install sends the first visitor to /setup, which makes one admin and then is gone", async ({ browser }) => {
  admin = await fresh(browser);
  await admin.goto(`${app.url}/console/tokens`);
  await expect(admin).toHaveURL(`${app.url}/setup`);
  await admin.goto(`${app.url}/console/signin`);
  await expect(admin).toHaveURL(`${app.url}/setup`);

  await admin.getByLabel("Your name").fill("Fran Founder");
  await admin.getByLabel("Email").fill(ADMIN.email);
  await fillPasswords(admin, "password1234");
  await admin.getByRole("button", { name: "Create admin account" }).click();
  await expect(admin.locator("#password-error")).toHaveText("this password is too common; choose another");
  await expect(admin.getByLabel("Email")).toHaveValue(ADMIN.email); // what was typed stays
  await fillPasswords(admin, ADMIN.password, "something-else-entirely");
  await admin.getByRole("button", { name: "Create admin account" }).click();
  await expect(admin.locator("#confirm-error")).toHaveText("the two passwords do not match");
  expect((await admin.request.get(`${app.url}/setup`)).status()).toBe(200); // nobody was created

  await fillPasswords(admin, ADMIN.password);
  await admin.getByRole("button", { name: "Create admin account" }).click();
  await expect(admin.locator("main").getByRole("status")).toContainText("Your admin account is ready");
  expect((await admin.request.get(`${app.url}/setup`)).status()).toBe(404);
  await signIn(admin, ADMIN.email, ADMIN.password);
  expect((await admin.request.get(`${app.url}/setup`)).status()).toBe(404);
});

test("setup is closed to late and repeated posts, and rate-limited per address", async () => {
  const id = actionIds().get("app/setup/actions.ts#setupAction")?.id ?? "";
  const said: string[] = [];
  for (let i = 0; i < 6; i++) {
    const res = await callAction(app, id, "/setup", [{ seq: 0 }, formData({ name: "Mallory", email: `m${i}@example.test`, password: "mallory-wants-in", confirm: "mallory-wants-in" })]);
    said.push(/already set up/.test(res.text) ? "set up" : /Too many attempts/.test(res.text) ? "limited" : res.text.slice(0, 80));
  }
  // The failed tries of the test above may still be in the minute's window: some refusals, then the limit.
  expect(said.every((w) => w === "set up" || w === "limited"), said.join(", ")).toBe(true);
  expect(said.at(-1)).toBe("limited");
  expect(said.slice(said.indexOf("limited")).every((w) => w === "limited")).toBe(true);
});

test("an admin invites a responder, who joins through the link in another browser", async ({ browser }) => {
  await admin.goto(`${app.url}/console/people`);
  await admin.getByLabel("Email").fill(RESPONDER.email);
  await admin.getByLabel("Role").selectOption("responder");
  await admin.getByRole("button", { name: "Create invite link" }).click();
  const link = admin.getByRole("textbox", { name: `Invite link for ${RESPONDER.email}` });
  inviteUrl = await link.inputValue();
  expect(inviteUrl).toMatch(new RegExp(`^${app.url}/invite/[A-Za-z0-9_-]{43}$`));
  await expect(admin.locator(`tr[data-invite="${RESPONDER.email}"]`)).toContainText("responder");

  rio = await fresh(browser);
  await rio.goto(inviteUrl);
  await expect(rio.getByText(`You were invited as ${RESPONDER.email}`)).toBeVisible();
  await rio.getByLabel("Your name").fill("Rio Responder");
  await fillPasswords(rio, RESPONDER.password);
  await rio.getByRole("button", { name: "Create my account" }).click();
  await expect(rio.locator("main").getByRole("status")).toContainText("Your account is ready");
  await expect(rio.getByLabel("Email")).toHaveValue(RESPONDER.email);
  await signIn(rio, RESPONDER.email, RESPONDER.password);
  await expect(rio.getByText("Signed in as")).toContainText("Rio Responder");

  await rio.goto(inviteUrl); // one time only
  await expect(rio.locator("main").getByRole("alert")).toContainText("This link has already been used");
  await rio.goto(`${app.url}/console/people`); // admins only
  await expect(rio).toHaveURL(`${app.url}/console?forbidden=1`);

  await rio.goto(`${app.url}/console/tokens`);
  await rio.getByLabel("Name").fill("rio's pager");
  await rio.getByRole("button", { name: "Create token" }).click();
  rioToken = await rio.getByRole("textbox", { name: "New API token" }).inputValue();
  expect((await rio.request.get(`${app.url}/api/v1/incidents`, { headers: { authorization: `Bearer ${rioToken}` } })).status()).toBe(200);
});

test("disabling the responder refuses their token and bounces their session at once", async () => {
  await admin.goto(`${app.url}/console/people`);
  const row = admin.locator(`tr[data-person="${RESPONDER.email}"]`);
  await row.getByRole("button", { name: "Disable Rio Responder" }).click();
  await expect(row.locator("[data-state]")).toHaveText("disabled");
  const refused = await rio.request.get(`${app.url}/api/v1/incidents`, { headers: { authorization: `Bearer ${rioToken}` } });
  expect(refused.status()).toBe(401);
  await rio.goto(`${app.url}/console/tokens`);
  await expect(rio).toHaveURL(/\/console\/signin\?callbackUrl=%2Fconsole%2Ftokens$/);

  // The admin cannot lock themselves out: their own row has no controls.
  await expect(admin.locator(`tr[data-person="${ADMIN.email}"] button`)).toHaveCount(0);
  await row.getByRole("button", { name: "Re-enable Rio Responder" }).click();
  await expect(row.locator("[data-state]")).toHaveText("active");
  expect((await rio.request.get(`${app.url}/api/v1/incidents`, { headers: { authorization: `Bearer ${rioToken}` } })).status()).toBe(200);
});

test("a reset link sets a new password once and ends sessions signed in before it", async ({ browser }) => {
  await rio.goto(`${app.url}/console`); // re-enabled: the session signed in before works again
  await expect(rio).toHaveURL(`${app.url}/console`);
  const row = admin.locator(`tr[data-person="${RESPONDER.email}"]`);
  await row.getByRole("button", { name: "Reset link for Rio Responder" }).click();
  const resetUrl = await row.getByRole("textbox", { name: `Password reset link for ${RESPONDER.email}` }).inputValue();
  expect(resetUrl).toMatch(new RegExp(`^${app.url}/reset/`));

  const other = await fresh(browser);
  await other.goto(resetUrl);
  await fillPasswords(other, "rio-after-the-reset");
  await other.getByRole("button", { name: "Set new password" }).click();
  await expect(other.locator("main").getByRole("status")).toContainText("Your password was changed");
  await rio.goto(`${app.url}/console`);
  await expect(rio).toHaveURL(/\/console\/signin/);
  await signIn(other, RESPONDER.email, "rio-after-the-reset");
  await other.goto(resetUrl);
  await expect(other.locator("main").getByRole("alert")).toContainText("already been used");
});

test("changing one's own password needs the current one and ends older sessions", async ({ browser }) => {
  const second = await fresh(browser);
  await signIn(second, ADMIN.email, ADMIN.password);
  await admin.goto(`${app.url}/console/account`);
  await admin.getByLabel("Current password").fill("not-my-password");
  await fillPasswords(admin, "founder-second-secret");
  await admin.getByRole("button", { name: "Change password" }).click();
  await expect(admin.locator("#current-error")).toHaveText("Current password is wrong");
  await admin.getByLabel("Current password").fill(ADMIN.password);
  await fillPasswords(admin, "founder-second-secret");
  await admin.getByRole("button", { name: "Change password" }).click();
  await expect(admin.locator("main").getByRole("status")).toContainText("every session signed in before ended");
  await second.goto(`${app.url}/console`);
  await expect(second).toHaveURL(/\/console\/signin/);
  await signIn(admin, ADMIN.email, "founder-second-secret");
});
