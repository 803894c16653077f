// content/<plan>/progress/: read, validated against schemas/progress.rng, into PlanProgress.
#include "load/progress_loader.h"

#include <string>

#include "env/list_folder.h"
#include "load/schema.h"
#include "model/dedent.h"
#include "xml/source_locator.h"
#include "xml/xml_document.h"

namespace renaksi {

namespace embedded {
extern const std::string_view progress_schema;
}

namespace fs = std::filesystem;

namespace {

// One parsed, valid progress file and the means to locate its nodes.
struct ProgressFile : ContentFile {
  ProgressTexts texts(const xmlNode* field) const {
    ProgressTexts out;
    if (!field) return out;
    out.loc = loc(field);
    for (const xmlNode* t : child_elements(field, "text")) {
      xmlChar* lang = xmlNodeGetLang(t);
      out.texts.push_back({lang ? take_xml_string(lang) : std::string(), collapse_whitespace(node_text(t)), loc(t)});
    }
    return out;
  }
};

// Reads, parses and validates `path`; the document is null when it cannot be used (reported).
ProgressFile open_progress_file(const fs::path& path, Diagnostics& diags) {
  static const ContentSchema schema(embedded::progress_schema);
  ProgressFile f;
  static_cast<ContentFile&>(f) = open_content_file(path, schema, diags);
  return f;
}

// The kind of document a file of progress/ must hold, by its name.
const char* expected_root(const fs::path& file) {
  const std::string stem = file.stem().string();
  if (stem == "periods") return "periods";
  if (stem == "irm") return "irm";
  return "progress";
}

ProgressEntry read_entry(const ProgressFile& f, const xmlNode* n, const IsoDate& report_date) {
  ProgressEntry e;
  e.loc = f.loc(n);
  e.ref = attribute(n, "ref");
  e.ref_loc = f.attr_loc(e.loc, "ref");
  e.level = parse_completion(attribute(n, "level")).value_or(Completion::NotStarted);
  if (has_attribute(n, "updated")) e.updated = {attribute(n, "updated"), f.attr_loc(e.loc, "updated")};
  else e.updated = report_date;
  const auto narrative = child_elements(n, "narrative");
  if (!narrative.empty()) e.narrative = f.texts(narrative.front());
  for (const xmlNode* ev : child_elements(n, "evidence")) {
    EvidenceLink link;
    link.loc = f.loc(ev);
    link.href = attribute(ev, "href");
    if (!child_elements(ev, "text").empty()) link.label = f.texts(ev);
    e.evidence.push_back(std::move(link));
  }
  return e;
}

}  // namespace

PlanProgress load_progress(const fs::path& plan_folder, Diagnostics& diags) {
  PlanProgress out;
  const fs::path dir = plan_folder / "progress";
  FolderListing listing = list_folder(dir);
  if (listing.missing) return out;
  if (!listing.problem.empty()) {
    diags.register_file(dir.generic_string());
    diags.error(listing.too_many ? Code::L006 : Code::L001, {dir.generic_string(), 0, 0},
                "the progress folder " + listing.problem);
    return out;
  }
  for (const auto& path : listing.entries) {
    if (path.extension() != ".xml") continue;
    ProgressFile f = open_progress_file(path, diags);
    if (!f.doc) continue;
    const xmlNode* root = xmlDocGetRootElement(f.doc.get());
    const char* want = expected_root(path);
    if (!is_element(root, want)) {
      diags.error(Code::L004, f.loc(root),
                  "expected a <" + std::string(want) + "> document here (progress/" + path.filename().string() +
                      "), found <" + reinterpret_cast<const char*>(root->name) + ">");
      continue;
    }
    if (is_element(root, "periods")) {
      out.periods_loc = f.loc(root);
      for (const xmlNode* p : child_elements(root, "period")) {
        ReportingPeriod r;
        r.loc = f.loc(p);
        r.id = attribute(p, "id");
        r.period.loc = r.loc;
        r.period.start = {attribute(p, "start"), f.attr_loc(r.loc, "start")};
        r.period.end = {attribute(p, "end"), f.attr_loc(r.loc, "end")};
        out.declared_periods.push_back(std::move(r));
      }
    } else if (is_element(root, "irm")) {
      for (const xmlNode* c : child_elements(root, "commitment")) {
        IrmCommitment ic;
        ic.loc = f.loc(c);
        ic.ref = attribute(c, "ref");
        ic.ref_loc = f.attr_loc(ic.loc, "ref");
        for (const xmlNode* r : child_elements(c, "rating")) {
          IrmRating rating;
          rating.loc = f.loc(r);
          rating.kind = attribute(r, "kind");
          rating.value = collapse_whitespace(attribute(r, "value"));
          rating.source = attribute(r, "source");
          rating.report = collapse_whitespace(attribute(r, "report"));
          ic.ratings.push_back(std::move(rating));
        }
        out.irm.push_back(std::move(ic));
      }
    } else {
      ProgressReport report;
      report.loc = f.loc(root);
      report.period_id = attribute(root, "period");
      report.period_loc = f.attr_loc(report.loc, "period");
      report.updated = {attribute(root, "updated"), f.attr_loc(report.loc, "updated")};
      for (const xmlNode* c : child_elements(root, "commitment")) {
        CommitmentProgress cp;
        cp.entry = read_entry(f, c, report.updated);
        for (const xmlNode* m : child_elements(c, "milestone")) cp.milestones.push_back(read_entry(f, m, report.updated));
        report.commitments.push_back(std::move(cp));
      }
      out.reports.push_back(std::move(report));
    }
  }
  return out;
}

}  // namespace renaksi
