// Where the test tools are: the Nu HTML checker's jar, axe-core's script, Java. A missing one
// fails with what to run, rather than a stack trace.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "..", "node_modules");

function need(path, what) {
  if (!existsSync(path)) {
    throw new Error(`${what} is missing (${path}): run scripts/setup, which runs 'npm ci --prefix tests/browser'`);
  }
  return path;
}

export const vnuJar = () => need(join(modules, "vnu-jar", "build", "dist", "vnu.jar"), "the Nu HTML checker");
export const axeScript = () => need(join(modules, "axe-core", "axe.min.js"), "axe-core");
export const java = process.env.RENAKSI_JAVA || "java";
