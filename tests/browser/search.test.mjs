// Search in the browser: the full text of every commitment, in both languages, with stems
// (aduan finds pengaduan, complaint finds complaints), typos forgiven (angaran), matches
// highlighted in a snippet, filters that narrow, Final plans first; over HTTP and from disk
// (file://); without JavaScript the page says what to do instead.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { pathToFileURL } from "node:url";
import { launch } from "./lib/browser.mjs";
import { listPages, siteInBrowser } from "./lib/site.mjs";

const env = siteInBrowser({ before, after, launch });
const label = { en: "Words to look for", id: "Kata kunci" };

// Opens the search page of `lang`, waits until every plan's text is in, and types `query`.
async function searchFor(page, base, lang, query) {
  await page.goto(`${base}${lang}/search/index.html`);
  const box = page.getByLabel(label[lang]);
  await box.waitFor({ state: "visible" });
  await page.locator('#search-results[aria-busy="false"]').waitFor({ state: "attached" });
  await box.pressSequentially(query, { delay: 10 });
  await settled(page);
}

// Waits for the results of the query now in the box (searched on each keystroke: the shards of
// its words, then the texts of the results shown; aria-busy until they are in).
async function settled(page) {
  await page.waitForFunction(() => document.getElementById("search-status").textContent.trim() !== "" &&
    document.getElementById("search-results").getAttribute("aria-busy") === "false");
}

// The results shown, in order: the site path of each ("id/nap-2018-2020/10-…/index.html").
async function results(page) {
  return page.locator("#search-results li > a").evaluateAll((links) =>
    links.map((a) => new URL(a.href).pathname.replace(/^.*?\/((?:en|id)\/[^/]+\/[^/]+\/index\.html)$/, "$1")));
}

// The commitment pages of `lang` whose main text (its navigation left out: the pager names the
// next commitment) has a word matching `re` (site paths).
function pagesWith(lang, re) {
  const out = [];
  for (const path of listPages(env.site.siteDir)) {
    // Commitment pages only (a plan folder, then a numbered commitment folder).
    if (!new RegExp(`^${lang}/[^/]+/\\d+-[^/]+/index\\.html$`).test(path) || path.includes("/organisations/")) continue;
    const html = readFileSync(join(env.site.siteDir, path), "utf8");
    const main = (html.match(/<main[\s\S]*<\/main>/) || [""])[0]
      .replace(/<nav[\s\S]*?<\/nav>/g, " ")
      .replace(/<[^>]+>/g, " ");
    if (re.test(main)) out.push(path);
  }
  return out;
}

const number = (path) => Number(path.match(/\/(\d+)-[^/]*\/index\.html$/)[1]);

// LAPOR!-SP4N is commitment 10's subject and is discussed in 11's text; 9 has "laporan" (a
// report, the same root in Indonesian) in its milestones, but does not name LAPOR in English.
const lapor = { en: [10, 11], id: [9, 10, 11] };

for (const lang of ["en", "id"]) {
  test(`LAPOR finds commitments ${lapor[lang].join(", ")}, with the match highlighted (${lang}, http)`, async () => {
    const page = await env.browser.context.newPage();
    await searchFor(page, env.server.url, lang, "LAPOR");
    const found = (await results(page)).filter((p) => p.startsWith(`${lang}/nap-2018-2020/`)).map(number);
    for (const n of lapor[lang]) assert.ok(found.includes(n), `commitment ${n} in ${found}`);
    assert.equal(found[0], 10, "its own commitment first");
    const marks = await page.locator("#search-results li").first().locator("mark").allTextContents();
    assert.ok(marks.length > 0 && marks.every((m) => /^lapor$/i.test(m)), `marks: ${marks}`);
    assert.ok((await page.locator("#search-results p.snippet mark").count()) > 0, "a highlighted snippet");
    const first = page.locator("#search-results li > a").first();
    await first.click();
    await page.waitForURL(`**/${lang}/nap-2018-2020/**/index.html`);
    assert.equal(await page.locator("html").getAttribute("lang"), lang);
    await page.close();
  });
}

test("anggaran finds every commitment whose page has the word, and angaran (a typo) finds them too", async () => {
  const expected = pagesWith("id", /(^|[^\p{L}])anggaran([^\p{L}]|$)/iu);
  assert.ok(expected.length >= 8, `pages with anggaran: ${expected.length}`);
  const page = await env.browser.context.newPage();
  for (const query of ["anggaran", "angaran"]) {
    await searchFor(page, env.server.url, "id", query);
    const found = await results(page);
    for (const p of expected) assert.ok(found.includes(p), `${query}: ${p} missing from ${found.length} results`);
  }
  await page.close();
});

test("a root finds its affixed forms: aduan finds pengaduan, sehat finds kesehatan", async () => {
  const page = await env.browser.context.newPage();
  for (const [query, re] of [["aduan", /pengaduan/i], ["sehat", /kesehatan/i]]) {
    const expected = pagesWith("id", re);
    assert.ok(expected.length > 0, `pages with ${re}`);
    await searchFor(page, env.server.url, "id", query);
    const found = await results(page);
    for (const p of expected) assert.ok(found.includes(p), `${query}: ${p} missing`);
    assert.ok((await page.locator("#search-results mark").count()) > 0, `${query}: highlighted`);
  }
  await page.close();
});

test("complaint and complaints find the same commitments, every one that says complaint(s)", async () => {
  const expected = pagesWith("en", /complaints?/i);
  const page = await env.browser.context.newPage();
  const sets = [];
  for (const query of ["complaint", "complaints"]) {
    await searchFor(page, env.server.url, "en", query);
    const found = await results(page);
    for (const p of expected) assert.ok(found.includes(p), `${query}: ${p} missing`);
    sets.push([...found].sort());
  }
  assert.deepEqual(sets[0], sets[1]);
  await page.close();
});

test("each filter narrows the results to what it names", async () => {
  const page = await env.browser.context.newPage();
  await searchFor(page, env.server.url, "id", "anggaran");
  const all = await results(page);
  const plans = await page.evaluate(() => window.RENAKSI_SEARCH.id);
  for (const id of ["search-plan", "search-theme", "search-stage", "search-lead"]) {
    const values = await page.locator(`#${id} option`).evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
    assert.ok(values.length > 0, `${id} has choices`);
    let narrowed = false;
    for (const value of values) {
      await page.locator(`#${id}`).selectOption(value);
      await settled(page);
      const found = await results(page);
      assert.ok(found.every((p) => all.includes(p)), `${id}=${value} only narrows`);
      if (id === "search-plan") assert.ok(found.every((p) => p.split("/")[1] === value));
      if (id === "search-stage") {
        const stageOf = Object.fromEntries(plans.map((p) => [p.k, p.g]));
        assert.ok(found.every((p) => stageOf[p.split("/")[1]] === value));
      }
      if (found.length > 0 && found.length < all.length) narrowed = true;
    }
    assert.ok(narrowed, `${id} narrows the ${all.length} results`);
    await page.locator(`#${id}`).selectOption("");
    await settled(page);
    assert.deepEqual(await results(page), all);
  }
  // A filter alone lists what it names.
  await page.getByLabel(label.id).fill("");
  await page.locator("#search-plan").selectOption("nap-2018-2020");
  await settled(page);
  const planOnly = await results(page);
  assert.ok(planOnly.length >= 10 && planOnly.every((p) => p.startsWith("id/nap-2018-2020/")));
  await page.close();
});

test("a Final plan's commitments come before a draft plan's", async () => {
  const page = await env.browser.context.newPage();
  await searchFor(page, env.server.url, "id", "anggaran");
  const plans = await page.evaluate(() => window.RENAKSI_SEARCH.id);
  const final = Object.fromEntries(plans.map((p) => [p.k, p.f]));
  assert.ok(plans.some((p) => !p.f) && plans.some((p) => p.f), "the archive has Final and draft plans");
  const order = (await results(page)).map((p) => final[p.split("/")[1]]);
  assert.ok(order.includes(false) && order.includes(true), `both kinds found: ${order}`);
  assert.equal(order.indexOf(false), order.lastIndexOf(true) + 1, `Final first: ${order}`);
  await page.close();
});

test("search works from disk (file://), finds words of either language, and says when nothing matches", async () => {
  const page = await env.browser.context.newPage();
  const base = pathToFileURL(env.site.siteDir).href + "/";
  await searchFor(page, base, "en", "pengaduan lapor");  // Indonesian words on the English page
  await page.locator("#search-results a", { hasText: "LAPOR!-SP4N" }).waitFor();
  await page.getByLabel(label.en).fill("LAPOR");
  const found = (await results(page)).filter((p) => p.startsWith("en/nap-2018-2020/")).map(number);
  for (const n of lapor.en) assert.ok(found.includes(n), `file://: commitment ${n} in ${found}`);
  await page.getByLabel(label.en).fill("zzzz-no-such-commitment");
  await page.locator("#search-status", { hasText: "No commitment matches these words." }).waitFor();
  assert.equal(await page.locator("#search-results li").count(), 0);
  await page.close();
});

test("choosing a plan shows that plan's commitments only, with or without words", async () => {
  const page = await env.browser.context.newPage();
  await page.goto(`${env.server.url}en/search/index.html`);
  const plans = (await page.evaluate(() => window.RENAKSI_SEARCH.en)).map((p) => p.k);
  assert.ok(plans.length >= 2, `plans: ${plans}`);
  await page.locator("#search-plan").selectOption(plans[1]);
  await page.locator('#search-results[aria-busy="false"]').waitFor({ state: "attached" });
  await page.locator("#search-results li").first().waitFor();
  const chosen = await results(page);
  assert.ok(chosen.length > 0 && chosen.every((p) => p.split("/")[1] === plans[1]), `the chosen plan: ${chosen}`);
  await page.close();
});

test("a query in the address fills the box and shows its results", async () => {
  const page = await env.browser.context.newPage();
  await page.goto(`${env.server.url}en/search/index.html?q=procurement`);
  await page.locator('#search-results[aria-busy="false"]').waitFor({ state: "attached" });
  await page.locator("#search-results li").first().waitFor();
  assert.equal(await page.getByLabel(label.en).inputValue(), "procurement");
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
