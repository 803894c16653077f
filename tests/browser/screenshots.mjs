// Screenshots of the home page, a plan page and a commitment page at phone (390 px) and
// desktop (1280 px) widths, for a person to look at: node tests/browser/screenshots.mjs OUT_DIR
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launch } from "./lib/browser.mjs";
import { buildSite, serve } from "./lib/site.mjs";

const outDir = process.argv[2] || "screenshots";
const pages = (process.argv[3] || "en/index.html,en/nap-2018-2020/index.html,en/nap-2018-2020/10-lapor-sp4n-quality/index.html,id/nap-2020-2022/3-social-welfare-data/index.html").split(",");
mkdirSync(outDir, { recursive: true });
const site = buildSite();
const server = await serve(site.siteDir);
const browser = await launch();
try {
  for (const [name, width] of [["phone", 390], ["desktop", 1280]]) {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    for (const p of pages) {
      await page.goto(server.url + p);
      const stem = join(outDir, `${p.replaceAll("/", "_").replace("_index.html", "").replace(".html", "")}.${name}`);
      if (process.env.FULL !== "1") {
        await page.screenshot({ path: `${stem}.png` });
        console.log(`${stem}.png`);
        continue;
      }
      // The whole page, in slices of at most 1600 px, each readable on its own.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0, i = 1; y < height; y += 1600, i++) {
        const file = `${stem}.${i}.png`;
        await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y, width, height: Math.min(1600, height - y) } });
        console.log(file);
      }
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
  site.cleanup();
}
