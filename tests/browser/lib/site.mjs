// Builds the archive site with the renaksi binary into a fresh temporary folder, and serves it
// over HTTP on 127.0.0.1 (a small static server: no dependencies, bounded to that folder).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const sourceDir = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

// The renaksi binary: RENAKSI_BINARY (CTest sets it), else build/renaksi.
export function renaksiBinary() {
  return process.env.RENAKSI_BINARY || join(sourceDir, "build", "renaksi");
}

// The site of content/: the one CTest built for every browser test (its browser.site fixture
// names the folder in RENAKSI_TEST_SITE; read only), else built by `renaksi build content --out
// <tmp>/dist`. Returns { root, siteDir, cleanup }.
export function buildSite() {
  const shared = process.env.RENAKSI_TEST_SITE;
  if (shared) return { root: null, siteDir: shared, cleanup: () => {} };
  const root = mkdtempSync(join(tmpdir(), "renaksi-site-"));
  const out = join(root, "dist");
  const result = spawnSync(
    renaksiBinary(),
    ["build", join(sourceDir, "content"), "--out", out, "--cache-dir", join(root, "cache"), "--site-url", "https://nap-archive.example/"],
    { cwd: sourceDir, encoding: "utf8" },
  );
  if (result.status !== 0) {
    throw new Error(`renaksi build failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return { root, siteDir: join(out, "site"), cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

// Every file under `dir`, as '/'-separated paths relative to it, sorted.
export function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

export function listPages(dir) {
  return listFiles(dir).filter((f) => f.endsWith(".html"));
}

const types = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".xml": "application/xml",
  ".pdf": "application/pdf",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

// Serves `dir` on 127.0.0.1 at a free port. Resolves to { url, close }.
export function serve(dir) {
  const base = resolve(dir);
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
    if (path.endsWith("/")) path += "index.html";
    const file = normalize(join(base, path));
    if (!file.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = readFileSync(file);
      res.writeHead(200, { "Content-Type": types[extname(file)] || "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  return new Promise((ok) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      ok({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

// The set-up of a browser test file: the site built into a temporary folder, served on
// 127.0.0.1, and Chromium launched; all three undone after the file's tests. Returns an object
// whose fields (site, server, browser) are filled before the first test runs.
export function siteInBrowser({ before, after, launch }) {
  const env = {};
  before(async () => {
    env.site = buildSite();
    env.server = await serve(env.site.siteDir);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
    env.site?.cleanup();
  });
  return env;
}
