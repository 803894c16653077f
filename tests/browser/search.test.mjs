// Search in the browser: typing a query shows the commitments it finds, in both languages,
// over HTTP and from disk (file://); without JavaScript the page says what to do instead.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { pathToFileURL } from "node:url";
import { launch } from "./lib/browser.mjs";
import { siteInBrowser } from "./lib/site.mjs";

const env = siteInBrowser({ before, after, launch });

const lapor = {
  en: { found: "Commitments found: 1", title: "Commitment 10: Quality Improvement of Public Service Complaints Resolution through LAPOR!-SP4N" },
  id: { found: "Ditemukan 1 komitmen", title: "Komitmen 10: Peningkatan Kualitas Penyelesaian Pengaduan Pelayanan Publik melalui LAPOR!-SP4N" },
};

async function searchFor(page, base, lang, query) {
  await page.goto(`${base}${lang}/search/index.html`);
  const box = page.getByLabel(lang === "en" ? "Words to look for" : "Kata kunci");
  await box.waitFor({ state: "visible" });
  await box.pressSequentially(query, { delay: 20 });
}

for (const lang of ["en", "id"]) {
  test(`typing LAPOR finds the LAPOR!-SP4N commitment (${lang}, http)`, async () => {
    const page = await env.browser.context.newPage();
    await searchFor(page, env.server.url, lang, "LAPOR");
    const result = page.locator("#search-results a", { hasText: "LAPOR!-SP4N" });
    await result.waitFor();
    assert.equal(await page.locator("#search-results li").count(), 1);
    assert.equal((await page.locator("#search-status").textContent()).trim(), lapor[lang].found);
    assert.match(await result.getAttribute("href"), new RegExp(`^\\.\\./\\.\\./${lang}/nap-2018-2020/10-lapor-sp4n-quality/index\\.html$`));
    await result.click();
    await page.waitForURL(`**/${lang}/nap-2018-2020/10-lapor-sp4n-quality/index.html`);
    assert.equal(await page.locator("h1").textContent(), lapor[lang].title);
    assert.equal(await page.locator("html").getAttribute("lang"), lang);
    await page.close();
  });
}

test("search works from disk (file://), finds words of either language, and says when nothing matches", async () => {
  const page = await env.browser.context.newPage();
  const base = pathToFileURL(env.site.siteDir).href + "/";
  await searchFor(page, base, "en", "pengaduan lapor");  // Indonesian words on the English page
  await page.locator("#search-results a", { hasText: "LAPOR!-SP4N" }).waitFor();
  await page.getByLabel("Words to look for").fill("zzzz-no-such-commitment");
  await page.locator("#search-status", { hasText: "No commitment matches these words." }).waitFor();
  assert.equal(await page.locator("#search-results li").count(), 0);
  await page.close();
});

test("a query in the address fills the box and shows its results", async () => {
  const page = await env.browser.context.newPage();
  await page.goto(`${env.server.url}en/search/index.html?q=procurement`);
  await page.locator("#search-results li").first().waitFor();
  assert.equal(await page.getByLabel("Words to look for").inputValue(), "procurement");
  assert.ok((await page.locator("#search-results li").count()) >= 2);
  await page.close();
});

test("without JavaScript the search page explains itself and offers no dead box", async () => {
  const noJs = await launch({ javaScriptEnabled: false });
  try {
    const page = await noJs.context.newPage();
    await page.goto(`${env.server.url}en/search/index.html`);
    assert.equal(await page.locator("#search-form").isVisible(), false);
    const note = page.locator("p.notice");
    assert.equal(await note.isVisible(), true);
    assert.match(await note.textContent(), /needs JavaScript/);
    await note.locator("a").click();
    await page.waitForURL("**/en/index.html");
  } finally {
    await noJs.close();
  }
});
