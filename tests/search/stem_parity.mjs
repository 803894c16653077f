// The stemmers of the browser (layouts/html/search.js) and of the build (C++,
// pipeline/emit/html/search_stem.cpp) give the same stem for every word of content/ (every XML
// file: the words a synthetic archive's plans are made of too), folded as search.js folds them,
// under both the Indonesian and the English stemmer, plus words chosen for the rules' edges;
// and the same terms for every line of content/'s text (split into words and folded in C++ as
// search.js's tokenize and normalise do).
//
//   node --test tests/search/stem_parity.mjs   (RENAKSI_STEM_WORDS: the stem_words tool)
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

const source = readFileSync("layouts/html/search.js", "utf8");
const from = source.indexOf("  // --- Stemming");
const to = source.indexOf("  // --- The page");
assert.ok(from > 0 && to > from, "search.js has its stemming section between its markers");
const stemming = new Function(
  source.slice(from, to) + "\nreturn { id: stemId, en: stemEn, normalise: normalise, WORD: WORD };")();

function xmlFiles(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) xmlFiles(p, out);
    else if (e.name.endsWith(".xml")) out.push(p);
  }
  return out;
}

function contentLines() {
  const lines = [];
  for (const f of xmlFiles("content"))
    for (const line of readFileSync(f, "utf8").replace(/<[^>]*>/g, " ").split("\n"))
      if (/[\p{L}\p{N}]/u.test(line)) lines.push(line.replace(/\t|\r/g, " "));
  return lines;
}

function contentWords() {
  const words = new Set();
  for (const f of xmlFiles("content")) {
    const text = readFileSync(f, "utf8").replace(/<[^>]*>/g, " ");
    for (const w of text.match(/[\p{L}\p{N}]+/gu) || []) words.add(stemming.normalise(w));
  }
  return words;
}

const edges = [
  "pengaduan", "penganggaran", "kesehatan", "pelayanan", "belajar", "pelajaran", "bekerja",
  "menyusun", "memperbaiki", "dilaksanakan", "keterbukaan", "pemerintahnya", "bukankah",
  "meningkatkan", "mengikuti", "pemantauan", "terbuka", "berkelanjutan", "penyampaian",
  "complaints", "complaint", "planned", "improving", "improved", "publicly", "policies", "classes",
  "status", "focus", "falling", "buzzed", "ing", "sing", "being", "data", "open", "e", "",
  "bečer", "beðer", "planñed", "ñññing", "x😀yzies", "be😀er", "😀😀ing", "éé", "plannéé",
];

test("the C++ and JavaScript stemmers agree on every word of content/", () => {
  const tool = process.env.RENAKSI_STEM_WORDS;
  assert.ok(tool, "RENAKSI_STEM_WORDS names the stem_words tool");
  const words = [...new Set([...contentWords(), ...edges.map((w) => stemming.normalise(w))])]
    .filter((w) => !/[\t\n\r]/.test(w));
  assert.ok(words.length > 1000, `words of content/: ${words.length}`);
  const lines = [];
  for (const lang of ["id", "en"]) for (const w of words) lines.push(`${lang}\t${w}`);
  const run = spawnSync(tool, [], { input: lines.join("\n") + "\n", encoding: "utf8", maxBuffer: 1 << 28 });
  assert.equal(run.status, 0, run.stderr);
  const stems = run.stdout.split("\n");
  const differ = [];
  lines.forEach((line, i) => {
    const [lang, w] = line.split("\t");
    const js = stemming[lang](w);
    if (stems[i] !== js) differ.push(`${lang} ${w}: js ${js}, c++ ${stems[i]}`);
  });
  assert.deepEqual(differ.slice(0, 20), [], `${differ.length} of ${lines.length} differ`);
  console.log(`${words.length} words, each under both stemmers: the same stems`);
});

test("the C++ and JavaScript search terms agree on every line of content/", () => {
  const tool = process.env.RENAKSI_STEM_WORDS;
  assert.ok(tool, "RENAKSI_STEM_WORDS names the stem_words tool");
  const texts = [...contentLines(), "Σίσυφος İstanbul ÉCOLE naïve Ｆｕｌｌ ½ x😀y ﬁnance", "e\u0301te\u0301 cafe\u0301s"];
  const lines = [];
  for (const lang of ["id", "en"]) for (const t of texts) lines.push(`terms\t${lang}\t${t}`);
  const run = spawnSync(tool, [], { input: lines.join("\n") + "\n", encoding: "utf8", maxBuffer: 1 << 28 });
  assert.equal(run.status, 0, run.stderr);
  const out = run.stdout.split("\n");
  const differ = [];
  lines.forEach((line, i) => {
    const [, lang, text] = line.split("\t");
    const js = (text.match(stemming.WORD) || []).map((w) => stemming.normalise(w)).filter(Boolean).map(stemming[lang]).join(" ");
    if (out[i] !== js) differ.push(`${lang} ${text.slice(0, 60)}: js ${js.slice(0, 80)}, c++ ${out[i].slice(0, 80)}`);
  });
  assert.deepEqual(differ.slice(0, 10), [], `${differ.length} of ${lines.length} differ`);
  console.log(`${texts.length} lines, each under both languages: the same terms`);
});
