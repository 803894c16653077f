// Every page of the site, and its style sheet, passes the Nu HTML checker with no error. One
// run over all pages: the checker takes seconds to start.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { java, vnuJar } from "./lib/deps.mjs";
import { buildSite, listPages } from "./lib/site.mjs";

let site;
before(() => { site = buildSite(); });
after(() => site?.cleanup());

test("every page passes the Nu HTML checker with zero errors", () => {
  const pages = listPages(site.siteDir);
  assert.ok(pages.length >= 45, `only ${pages.length} pages`);
  const files = pages.map((p) => join(site.siteDir, p));
  const r = spawnSync(java, ["-jar", vnuJar(), "--errors-only", "--also-check-css", ...files, join(site.siteDir, "assets", "site.css")], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(r.error, undefined, `cannot run ${java}: ${r.error}`);
  const report = (r.stdout + r.stderr).trim();
  assert.equal(report, "", `the checker reports:\n${report}`);
  assert.equal(r.status, 0);
});
