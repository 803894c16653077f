// Shareable and identifiable, in Chromium over HTTP: canonical, hreflang and Open Graph tags,
// the favicon, the 404 pages, the build date, the about page, the address in print, and the
// dark scheme. The test site is built with --site-url https://nap-archive.example/ (the
// browser.site fixture).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launch } from "./lib/browser.mjs";
import { siteInBrowser } from "./lib/site.mjs";

const env = siteInBrowser({ before, after, launch });
const base = "https://nap-archive.example/";
const commitment = "en/nap-2018-2020/10-lapor-sp4n-quality/index.html";

async function open(path, options = {}) {
  const page = await env.browser.context.newPage();
  if (options.media || options.colorScheme) await page.emulateMedia(options);
  const response = await page.goto(env.server.url + path);
  return { page, response };
}

test("a commitment page has its canonical, hreflang and Open Graph tags", async () => {
  const { page } = await open(commitment);
  const head = await page.evaluate(() => ({
    canonical: document.querySelector('link[rel="canonical"]')?.href,
    hreflang: Object.fromEntries([...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => [l.hreflang, l.href])),
    og: Object.fromEntries([...document.querySelectorAll('meta[property^="og:"]')].map((m) => [m.getAttribute("property"), m.content])),
    twitter: document.querySelector('meta[name="twitter:card"]')?.content,
    icon: document.querySelector('link[rel="icon"]')?.href,
  }));
  const self = base + "en/nap-2018-2020/10-lapor-sp4n-quality/";
  assert.equal(head.canonical, self);
  assert.deepEqual(head.hreflang, { en: self, id: base + "id/nap-2018-2020/10-lapor-sp4n-quality/", "x-default": base + "id/nap-2018-2020/10-lapor-sp4n-quality/" });
  assert.equal(head.og["og:url"], self);
  assert.equal(head.og["og:image"], base + "assets/share.png");
  assert.equal(head.og["og:locale"], "en_ID");
  assert.equal(head.og["og:locale:alternate"], "id_ID");
  assert.equal(head.og["og:type"], "website");
  assert.equal(head.og["og:site_name"], "National Action Plan Archive");
  assert.match(head.og["og:title"], /^Commitment 10/);
  assert.ok(head.og["og:description"].length > 20);
  assert.equal(head.twitter, "summary_large_image");
  // The favicon is served from the site itself and is an SVG.
  const icon = await page.request.get(head.icon);
  assert.equal(icon.status(), 200);
  assert.match(await icon.text(), /<svg/);
  // The logo shows in the header.
  await page.waitForFunction(() => {
    const img = document.querySelector("header img.site-logo");
    return img !== null && img.complete && img.naturalWidth > 0;
  }, null, { timeout: 10000 });
  await page.close();
});

test("every page shows the build date and links to the about page", async () => {
  for (const path of ["index.html", "id/index.html", commitment, "en/search/index.html"]) {
    const { page } = await open(path);
    const time = page.locator("footer .updated time");
    assert.match(await time.getAttribute("datetime"), /^\d{4}-\d{2}-\d{2}$/, path);
    await page.locator("footer .footer-links a").click();
    assert.match(page.url(), /\/(id|en)\/about\/index\.html$/, path);
    await page.close();
  }
});

test("the about page names the issuer and its web site from the content", async () => {
  const { page } = await open("en/about/index.html");
  assert.equal(await page.locator("h1").textContent(), "About this archive");
  const text = await page.locator("main").textContent();
  assert.match(text, /Open Government Indonesia National Secretariat/);
  assert.equal(await page.locator('main a[href="https://ogi.bappenas.go.id/"]').count(), 1);
  await page.close();
});

test("a missing address gets the 404 page, which leads home and to search", async () => {
  for (const [path, home] of [["en/404.html", "/en/index.html"], ["id/404.html", "/id/index.html"], ["404.html", "/id/index.html"]]) {
    const { page } = await open(path);
    assert.equal(await page.locator('meta[name="robots"]').getAttribute("content"), "noindex");
    const links = await page.locator("main a").evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
    assert.ok(links.includes(home), `${path}: ${links}`);
    assert.ok(links.some((l) => l.endsWith("/search/index.html")), `${path}: ${links}`);
    // Its style sheet loads (the <base> is a path, not another host).
    assert.notEqual(await page.evaluate(() => getComputedStyle(document.querySelector(".site-header")).backgroundColor), "rgba(0, 0, 0, 0)");
    await page.close();
  }
});

test("a printed commitment shows the site's name and the page's address", async () => {
  const { page } = await open(commitment, { media: "print" });
  const line = page.locator("footer .print-address");
  assert.ok(await line.isVisible());
  assert.equal(await line.textContent(), "National Action Plan Archive · " + base + "en/nap-2018-2020/10-lapor-sp4n-quality/");
  await page.close();
  const screen = await open(commitment, { media: "screen" });
  assert.equal(await screen.page.locator("footer .print-address").isVisible(), false);
  await screen.page.close();
});

test("the dark scheme turns the page dark", async () => {
  const { page } = await open(commitment, { colorScheme: "dark" });
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, "rgb(18, 22, 27)");
  await page.close();
});
