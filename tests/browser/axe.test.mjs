// Every page of the site has no axe-core violation of WCAG 2.1 A and AA, at a phone's width and
// at a desktop's, in the light and the dark colour scheme, in headless Chromium over HTTP on
// 127.0.0.1.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { axeScript } from "./lib/deps.mjs";
import { launch } from "./lib/browser.mjs";
import { listPages, siteInBrowser } from "./lib/site.mjs";

const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const env = siteInBrowser({ before, after, launch });

for (const [name, width, height] of [["desktop", 1280, 900], ["phone", 390, 844]]) {
  for (const scheme of ["light", "dark"]) test(`every page has zero WCAG 2.1 AA violations at ${name} width in the ${scheme} scheme`, async () => {
    const page = await env.browser.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width, height });
    const problems = [];
    const pages = listPages(env.site.siteDir);
    for (const path of pages) {
      await page.goto(env.server.url + path);
      await page.addScriptTag({ path: axeScript() });
      const result = await page.evaluate(
        (runOnly) => window.axe.run(document, { runOnly: { type: "tag", values: runOnly }, resultTypes: ["violations"] }),
        tags,
      );
      for (const v of result.violations) {
        problems.push(`${path}: ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join("\n    ")}`);
      }
    }
    await page.close();
    assert.ok(pages.length >= 45, `only ${pages.length} pages`);
    assert.deepEqual(problems, [], problems.join("\n"));
  });
}
