// Search at archive scale: a synthetic archive of more than 16 plans (bench/synthetic.h), one
// word put only in the OLDEST plan's text. The word is found (results are complete, not only
// the newest plans'), and the files fetched before the first result stay within the budget
// (512 KiB: docs/architecture.md, bench/search_sizes.cpp). With them, the progress fixture plan
// (tests/fixtures/progress/plan: one commitment substantial, one not started): the completion
// filter lists exactly the commitments at the level chosen.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { launch } from "./lib/browser.mjs";
import { serve, sourceDir } from "./lib/site.mjs";

const PLANS = 18;
const WORD = "zanzibarkuxy";  // in no plan of content/
const env = {};

function run(binary, args) {
  const r = spawnSync(binary, args, { cwd: sourceDir, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${binary} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
}

before(async () => {
  env.root = mkdtempSync(join(tmpdir(), "renaksi-search-archive-"));
  const content = join(env.root, "content");
  run(process.env.RENAKSI_SYNTHETIC_ARCHIVE || join(sourceDir, "build", "bench", "synthetic_archive"),
      ["--plans", String(PLANS), "--per-plan", "2", "--out", content, "--content", join(sourceDir, "content")]);
  // The plans share their start date, so the last by id is the oldest in the site's order.
  const oldest = readdirSync(content).filter((d) => d.startsWith("nap-synthetic-")).sort().at(-1);
  const dir = join(content, oldest, "commitments");
  const file = join(dir, readdirSync(dir).sort().at(-1));
  const xml = readFileSync(file, "utf8");
  const at = xml.lastIndexOf('<text xml:lang="en">') + '<text xml:lang="en">'.length;
  assert.ok(at > 20, "a text in English");
  writeFileSync(file, xml.slice(0, at) + WORD + " " + xml.slice(at));
  env.oldest = oldest;
  // It starts in 2019, after the synthetic plans (2018): the oldest plan stays a synthetic one.
  cpSync(join(sourceDir, "tests", "fixtures", "progress", "plan"), join(content, "fixture-plan"), { recursive: true });
  run(process.env.RENAKSI_SEARCH_SITE || join(sourceDir, "build", "tests", "search_site"), [content, join(env.root, "out")]);
  env.server = await serve(join(env.root, "out", "site"));
  env.browser = await launch();
});

after(async () => {
  await env.browser?.close();
  await env.server?.close();
  if (env.root) rmSync(env.root, { recursive: true, force: true });
});

test(`a word only in the oldest of ${PLANS} plans is found, within 512 KiB fetched before the first result`, async (t) => {
  const page = await env.browser.context.newPage();
  const fetched = [];  // [url, bytes] of every response, in order
  page.on("response", async (response) => {
    try {
      fetched.push([response.url(), (await response.body()).length]);
    } catch {
      // a response without a body (a redirect) counts nothing
    }
  });
  await page.goto(`${env.server.url}en/search/index.html`);
  const plans = await page.evaluate(() => window.RENAKSI_SEARCH.en.map((p) => p.k));
  assert.equal(plans.length, PLANS + 1);
  assert.equal(plans.at(-1), env.oldest, "the plan with the word is the oldest");
  await page.getByLabel("Words to look for").fill(WORD);
  const first = page.locator("#search-results li > a").first();
  await first.waitFor();
  const before = fetched.reduce((n, [, b]) => n + b, 0);
  const href = await first.getAttribute("href");
  assert.ok(href.includes(`/${env.oldest}/`), `found in the oldest plan: ${href}`);
  assert.ok((await page.locator("#search-results li").first().locator("mark").count()) > 0, "highlighted");
  t.diagnostic(`fetched before the first result: ${before} bytes in ${fetched.length} responses`);
  assert.ok(before <= 512 * 1024, `fetched before the first result: ${before} bytes`);
  // No plan's text was loaded wholesale: only the word's shard and the one result's text.
  const texts = fetched.filter(([u]) => /\/search\/\d+\.js$/.test(u));
  assert.equal(texts.length, 1, `texts loaded: ${texts.map(([u]) => u)}`);
  await page.close();
});

test("the completion filter lists the commitments at the level chosen, alone or with words", async () => {
  const page = await env.browser.context.newPage();
  await page.goto(`${env.server.url}en/search/index.html`);
  const select = page.locator("#search-completion");
  await select.waitFor({ state: "visible" });
  const values = await select.locator("option").evaluateAll((os) => os.map((o) => o.value));
  assert.deepEqual(values, ["", "not-started", "substantial"], "the levels some commitment is at, in OGP's order");
  const shown = async () => {
    await page.waitForFunction(() => document.getElementById("search-results").getAttribute("aria-busy") === "false" &&
      document.getElementById("search-status").textContent.trim() !== "");
    return page.locator("#search-results li > a").evaluateAll((links) =>
      links.map((a) => new URL(a.href).pathname.replace(/^.*\/en\/([^/]+)\/(\d+)-[^/]*\/index\.html$/, "$1 $2")));
  };
  await select.selectOption("substantial");
  assert.deepEqual(await shown(), ["fixture-plan 1"]);
  await select.selectOption("not-started");
  assert.deepEqual(await shown(), ["fixture-plan 2"]);
  // With a word both commitments have (and every synthetic plan), the filter still narrows.
  await page.getByLabel("Words to look for").fill("commitment");
  assert.deepEqual(await shown(), ["fixture-plan 2"]);
  await page.locator("#search-plan").selectOption("fixture-plan");
  await select.selectOption("");
  assert.deepEqual((await shown()).sort(), ["fixture-plan 1", "fixture-plan 2"]);
  await page.close();
});
