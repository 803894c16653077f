// The language switch leads to the same page in the other language; the skip link works from
// the keyboard.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { pathToFileURL } from "node:url";
import { launch } from "./lib/browser.mjs";
import { siteInBrowser } from "./lib/site.mjs";

const env = siteInBrowser({ before, after, launch });

test("the switch on a commitment page lands on the same commitment in the other language and back", async () => {
  const page = await env.browser.context.newPage();
  await page.goto(`${env.server.url}en/nap-2018-2020/10-lapor-sp4n-quality/index.html`);
  await page.locator(".language-switch").getByRole("link", { name: "Bahasa Indonesia" }).click();
  await page.waitForURL("**/id/nap-2018-2020/10-lapor-sp4n-quality/index.html");
  assert.equal(await page.locator("html").getAttribute("lang"), "id");
  assert.match(await page.locator("h1").textContent(), /^Komitmen 10: .*LAPOR!-SP4N$/);
  await page.locator(".language-switch").getByRole("link", { name: "English" }).click();
  await page.waitForURL("**/en/nap-2018-2020/10-lapor-sp4n-quality/index.html");
  assert.match(await page.locator("h1").textContent(), /^Commitment 10: .*LAPOR!-SP4N$/);
  await page.close();
});

test("the switch works from disk too, on every kind of page", async () => {
  const page = await env.browser.context.newPage();
  const base = pathToFileURL(env.site.siteDir).href + "/";
  for (const path of ["en/index.html", "en/organisations/index.html", "en/search/index.html", "en/nap-2020-2022/index.html",
                      "en/nap-2020-2022/4-civic-space-restorative-justice/index.html"]) {
    await page.goto(base + path);
    await page.locator(".language-switch a").click();
    await page.waitForURL(base + "id" + path.slice(2));
    assert.equal(await page.locator("html").getAttribute("lang"), "id");
  }
  await page.close();
});

test("the first Tab shows the skip link, which moves focus to the content", async () => {
  const page = await env.browser.context.newPage();
  await page.goto(`${env.server.url}en/nap-2018-2020/index.html`);
  await page.keyboard.press("Tab");
  const skip = page.locator("a.skip-link");
  assert.equal(await skip.evaluate((a) => a === document.activeElement), true);
  const box = await skip.boundingBox();
  assert.ok(box && box.y >= 0, "the focused skip link is on screen");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "main");
  await page.close();
});

test("the root page offers each language in its own language", async () => {
  const page = await env.browser.context.newPage();
  await page.goto(env.server.url + "index.html");
  const links = page.locator(".language-choice a");
  assert.equal(await links.count(), 2);
  assert.equal(await links.nth(0).getAttribute("hreflang"), "id");
  await links.nth(1).click();
  await page.waitForURL("**/en/index.html");
  await page.close();
});
