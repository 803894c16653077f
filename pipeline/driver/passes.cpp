// The order of the passes, declared in one place.
#include "driver/passes.h"

#include "check/checker.h"
#include "emit/docx/docx_pass.h"
#include "emit/ogp/validator.h"
#include "emit/ogp/writer.h"
#include "emit/pdf/pdf_pass.h"

namespace renaksi {

namespace {

bool load_pass(BuildState& s) {
  s.loaded = load_plan(s.folder, s.diags);
  return s.loaded.plan_file_ok;  // without plan.xml no rule can be checked
}

bool check_pass(BuildState& s) {
  check_plan(s.loaded.plan, s.diags,
             CheckScope{.organisations_loaded = s.loaded.organisations_ok,
                        .all_commitments_loaded = s.loaded.all_commitments_ok});
  return !s.diags.has_errors();
}

bool prose_pass(BuildState& s) {
  if (!s.prose_done) s.prose_stats = parse_prose(s.loaded.plan, s.env, s.prose, s.diags);
  return !s.diags.has_errors();
}

bool locale_pass(BuildState& s) {
  bool ok = true;
  for (const auto& lang : s.loaded.plan.language_codes()) {
    auto catalogue = Catalogue::load(catalogue_path(s.env.data_dir, lang), lang, s.diags);
    if (!catalogue) {
      ok = false;
      continue;
    }
    s.locales[lang] = std::make_unique<Locale>(lang, std::move(*catalogue));
  }
  return ok;
}

bool compose_pass(BuildState& s) {
  for (const auto& edition : editions_of(s.loaded.plan))
    s.documents.push_back(compose(s.loaded.plan, s.prose, edition, s.locales));
  for (const auto& [lang, locale] : s.locales)
    for (const auto& d : locale->diagnostics().all()) s.diags.add(d);
  return !s.diags.has_errors();
}

bool pdf_pass(BuildState& s) {
  s.style = layout::Style::load(s.env.layout_file(), s.diags);
  if (!s.style) return false;
  emit_pdfs(s.documents, *s.style, s.env, s.outputs, s.diags);
  return !s.diags.has_errors();
}

// The Word editions, one per language, with the PDF layout's table column shares.
bool docx_pass(BuildState& s) {
  emit_docxs(s.documents, s.style ? docx_options(*s.style) : docx::Options{}, s.env, s.outputs, s.diags);
  return !s.diags.has_errors();
}

// The OGP submission of a Final plan, validated before it joins the outputs: a submission that
// does not validate fails the build. A draft is not submitted to OGP, so it has none.
bool ogp_pass(BuildState& s) {
  if (s.loaded.plan.stage != Stage::Final) return true;
  const Plan& plan = s.loaded.plan;
  const std::string path = plan.id + "/" + plan.id + ".ogp.xml";
  std::string xml = ogp::write_ogp_submission(plan, {.generated = {}, .generator = std::string("renaksi ") + RENAKSI_VERSION});
  if (!ogp::validate_submission(xml, path, s.diags)) return false;
  s.outputs.add(path, std::move(xml));
  return true;
}

constexpr Pass kPasses[] = {
    {"load", "read plan.xml, organisations.xml and commitments/*.xml; validate against the schema", &load_pass},
    {"check", "dates, ranges, references, languages and the drafting stage's requirements", &check_pass},
    {"prose", "every Markdown fragment through one Pandoc run (cached by content hash)", &prose_pass},
    {"locale", "the message catalogue and ICU formatters of each language of the plan", &locale_pass},
    {"compose", "one presentation-neutral document per edition, every label and date formatted", &compose_pass},
    {"pdf", "every edition laid out and written as a PDF with libharu, editions in parallel", &pdf_pass},
    {"docx", "every single-language edition as a Word document, one Pandoc run each, editions in parallel", &docx_pass},
    {"ogp", "the OGP-submission XML of a Final plan, validated against its XSD", &ogp_pass},
};

}  // namespace

std::span<const Pass> passes() { return kPasses; }

bool is_pass(std::string_view name) {
  for (const auto& p : kPasses)
    if (p.name == name) return true;
  return false;
}

std::vector<PassTiming> run_passes(BuildState& state, std::string_view stop_after, std::string_view resume_after) {
  std::vector<PassTiming> timings;
  bool skipping = !resume_after.empty();
  for (const auto& pass : kPasses) {
    if (skipping) {
      skipping = pass.name != resume_after;
      continue;
    }
    auto start = std::chrono::steady_clock::now();
    bool go_on = pass.run(state);
    timings.push_back({pass.name, std::chrono::steady_clock::now() - start});
    if (!go_on || pass.name == stop_after) return timings;
  }
  state.completed = true;
  return timings;
}

}  // namespace renaksi
