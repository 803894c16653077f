// The pages lead with the facts: a plan page opens with its commitments in number order; a
// commitment page opens with its summary, all of it on a phone's first screen, with its lead
// linked to the organisations index and its OGP id to OGP's page; the organisations index has
// an A–Z bar and a sector filter that work without JavaScript.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { launch } from "./lib/browser.mjs";
import { siteInBrowser, sourceDir } from "./lib/site.mjs";

const env = siteInBrowser({ before, after, launch });

// The commitment numbers of a plan, from its content (one file per commitment).
function contentNumbers(plan) {
  const dir = join(sourceDir, "content", plan, "commitments");
  const numbers = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".xml"))) {
    const m = readFileSync(join(dir, name), "utf8").match(/<commitment\b[^>]*\bnumber="(\d+)"/);
    if (m) numbers.push(Number(m[1]));
  }
  return numbers.sort((a, b) => a - b);
}

for (const plan of ["nap-2018-2020", "nap-2020-2022", "nap-2023-2024"]) {
  for (const lang of ["en", "id"]) {
    test(`${lang}/${plan}: the page opens with one entry per commitment, in number order`, async () => {
      const page = await env.browser.context.newPage();
      await page.goto(`${env.server.url}${lang}/${plan}/index.html`);
      const numbers = contentNumbers(plan);
      const items = page.locator("ol.commitment-index > li");
      assert.equal(await items.count(), numbers.length);
      const values = await items.evaluateAll((lis) => lis.map((li) => Number(li.getAttribute("value"))));
      assert.deepEqual(values, numbers);
      // The list is the first section of the page's content: nothing but the title, the line of
      // facts and a draft's notice comes before it.
      const before = await page.evaluate(() => {
        const main = document.querySelector("main");
        const list = document.getElementById("commitments");
        const out = [];
        for (const el of main.children) {
          if (el === list) return out;
          out.push(el.tagName.toLowerCase() + (el.className ? "." + el.className.split(" ")[0] : ""));
        }
        return null;
      });
      assert.ok(before, "the commitments section is a child of main");
      for (const what of before) assert.match(what, /^(h1|p\.lead|p\.meta|aside|div\.notice|section\.notice|p\.eyebrow)/, what);
      // Each entry: a link to its page, the lead when known, and no empty status.
      for (const li of await items.all()) {
        assert.equal(await li.locator(".commitment-title a").count(), 1);
        for (const status of await li.locator(".commitment-status").all()) assert.notEqual((await status.textContent()).trim(), "");
      }
      // On a phone the list starts on the first or second screen, not 5,000 px down.
      await page.setViewportSize({ width: 390, height: 844 });
      const top = await items.first().evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
      assert.ok(top < 2 * 844, `the first commitment is at ${top} px`);
      await page.close();
    });
  }
}

test("a commitment page at 390 px shows its title and its whole summary on the first screen", async () => {
  const page = await env.browser.context.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ["en/nap-2023-2024/1-procurement-transparency/index.html", "id/nap-2018-2020/10-lapor-sp4n-quality/index.html",
                      "en/nap-2020-2022/3-social-welfare-data/index.html"]) {
    await page.goto(env.server.url + path);
    const h1 = await page.locator("h1").boundingBox();
    const summary = await page.locator(".commitment-summary").boundingBox();
    assert.ok(h1 && summary, path);
    assert.ok(h1.y >= 0 && h1.y + h1.height <= 844, `${path}: h1 at ${h1.y}+${h1.height}`);
    assert.ok(summary.y >= 0 && summary.y + summary.height <= 844, `${path}: summary at ${summary.y}+${summary.height}`);
    assert.ok((await page.locator(".commitment-summary .summary-text").textContent()).trim().length > 20, path);
    // The summary comes before the contents list and the sections.
    const order = await page.evaluate(() => {
      const s = document.querySelector(".commitment-summary");
      const toc = document.querySelector("nav.toc");
      return s.compareDocumentPosition(toc) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    assert.ok(order, `${path}: the summary precedes the contents`);
    // The metadata table no longer opens with a row that repeats the title's number.
    const first = await page.locator("dl.fields > div").first().locator("dt").textContent();
    assert.doesNotMatch(first, /^(Number|Nomor)$/);
  }
  await page.close();
});

test("the OGP id links to OGP's page of the commitment", async () => {
  const page = await env.browser.context.newPage();
  await page.goto(`${env.server.url}en/nap-2023-2024/1-procurement-transparency/index.html`);
  const link = page.locator(".summary-ogp-id a");
  assert.equal(await link.textContent(), "ID0135");
  assert.equal(await link.getAttribute("href"), "https://www.opengovpartnership.org/members/indonesia/commitments/ID0135/");
  // A commitment without an OGP id has no such row, not an empty one.
  await page.goto(`${env.server.url}en/nap-2020-2022/3-social-welfare-data/index.html`);
  const hasId = /ogp-id="/.test(readFileSync(join(sourceDir, "content/nap-2020-2022/commitments/03-social-welfare-data.xml"), "utf8"));
  assert.equal(await page.locator(".summary-ogp-id").count(), hasId ? 1 : 0);
  await page.close();
});

test("the lead in the summary leads to its organisation's entry, which names the commitment", async () => {
  const page = await env.browser.context.newPage();
  await page.goto(`${env.server.url}en/nap-2023-2024/1-procurement-transparency/index.html`);
  const lead = page.locator(".summary-lead a").first();
  const name = (await lead.textContent()).trim();
  await lead.click();
  await page.waitForURL(/\/en\/organisations\/index\.html#org-/);
  const id = new URL(page.url()).hash.slice(1);
  const entry = page.locator(`[id="${id}"]`);
  assert.equal((await entry.locator("h3").textContent()).trim(), name);
  assert.ok(await entry.locator('a[href*="nap-2023-2024/1-procurement-transparency/"]').count() >= 1);
  await page.close();
});

test("the organisations index: A–Z links go to their letters, the sector filter to one sector, web addresses link", async () => {
  const page = await env.browser.context.newPage();
  await page.goto(`${env.server.url}en/organisations/index.html`);
  const letters = page.locator("nav.az a");
  const n = await letters.count();
  assert.ok(n >= 5, `${n} letters`);
  const all = await page.locator(".org").count();
  let entries = 0;
  for (const a of await letters.all()) {
    const href = await a.getAttribute("href");
    const group = page.locator(`[id="${href.slice(1)}"]`);
    assert.equal((await group.textContent()).trim(), (await a.textContent()).trim());
    entries += await page.locator(`section.org-letter:has(> [id="${href.slice(1)}"]) .org`).count();
  }
  assert.equal(entries, all, "every entry is under a letter of the bar");
  await letters.nth(Math.floor(n / 2)).click();
  const target = new URL(page.url()).hash.slice(1);
  const box = await page.locator(`[id="${target}"]`).boundingBox();
  const height = page.viewportSize().height;
  assert.ok(box && box.y > -1 && box.y + box.height <= height, `the letter is scrolled into view (${box && box.y})`);

  // Web addresses: real http(s) links.
  const web = page.locator(".org-web a");
  assert.ok((await web.count()) > 10);
  for (const href of await web.evaluateAll((as) => as.map((a) => a.getAttribute("href"))))
    assert.match(href, /^https?:\/\//);

  // The sector filter: plain links, one page per sector with only that sector's entries.
  const filter = page.locator("nav.sector-filter a");
  assert.equal(await filter.first().getAttribute("aria-current"), "page");
  const cso = page.locator('nav.sector-filter a[href="cso/index.html"]');
  assert.equal(await cso.count(), 1);
  const count = Number((await cso.textContent()).match(/\((\d+)\)/)[1]);
  await cso.click();
  await page.waitForURL(/\/en\/organisations\/cso\/index\.html$/);
  const shown = page.locator(".org");
  assert.equal(await shown.count(), count);
  assert.deepEqual([...new Set(await shown.evaluateAll((s) => s.map((e) => e.dataset.sector)))], ["cso"]);
  assert.equal(await page.locator('nav.sector-filter a[aria-current="page"]').getAttribute("href"), "index.html");
  await page.locator("nav.sector-filter a").first().click();
  await page.waitForURL(/\/en\/organisations\/index\.html$/);
  assert.equal(await page.locator(".org").count(), all);
  await page.close();
});
