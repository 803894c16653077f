// content/<plan>/cocreation/: read, validated against schemas/cocreation.rng, into Cocreation.
#include "load/cocreation_loader.h"

#include <string>

#include "env/list_folder.h"
#include "load/schema.h"
#include "model/dedent.h"
#include "xml/source_locator.h"
#include "xml/xml_document.h"

namespace renaksi {

namespace embedded {
extern const std::string_view cocreation_schema;
}

namespace fs = std::filesystem;

namespace {

// One parsed, valid co-creation file and the means to locate its nodes.
struct RecordFile : ContentFile {
  // A field's texts (whitespace collapsed: the record's texts are plain), absent when `field`
  // is null; `at` is where an absent field would be.
  LocalizedText texts(const xmlNode* field, const SourceLoc& at) const {
    LocalizedText out;
    out.loc = field ? loc(field) : at;
    if (!field) return out;
    for (const xmlNode* t : child_elements(field, "text")) {
      xmlChar* lang = xmlNodeGetLang(t);
      Text text;
      text.lang = lang ? take_xml_string(lang) : std::string();
      text.value = collapse_whitespace(node_text(t));
      text.loc = loc(t);
      text.body_line = text.loc.line;
      out.texts.push_back(std::move(text));
    }
    return out;
  }
  LocalizedText texts(const xmlNode* parent, const char* field, const SourceLoc& at) const {
    const auto found = child_elements(parent, field);
    return texts(found.empty() ? nullptr : found.front(), at);
  }
  IsoDate date(const xmlNode* n, const SourceLoc& at, const char* a) const {
    if (!has_attribute(n, a)) return {};
    return {attribute(n, a), attr_loc(at, a)};
  }
};

const ContentSchema& schema() {
  static const ContentSchema s(embedded::cocreation_schema);
  return s;
}

Proposal read_proposal(const RecordFile& f, const xmlNode* n) {
  Proposal p;
  p.loc = f.loc(n);
  p.id = attribute(n, "id");
  p.sector = attribute(n, "sector");
  p.received = f.date(n, p.loc, "received");
  p.theme = attribute(n, "theme");
  p.theme_loc = f.attr_loc(p.loc, "theme");
  p.imported = attribute(n, "imported");
  p.imported_loc = f.attr_loc(p.loc, "imported");
  p.from = f.texts(n, "from", p.loc);
  p.title = f.texts(n, "title", p.loc);
  p.summary = f.texts(n, "summary", p.loc);
  if (const auto link = child_elements(n, "link"); !link.empty()) {
    p.link = attribute(link.front(), "href");
    p.link_loc = f.loc(link.front());
  }
  const auto decision = child_elements(n, "decision");
  p.decision_loc = p.loc;
  if (!decision.empty()) {
    const xmlNode* d = decision.front();
    p.decision_loc = f.loc(d);
    p.decision = parse_decision(attribute(d, "kind")).value_or(Decision::Pending);
    p.decision_commitment = attribute(d, "commitment");
    p.forwarded_to = attribute(d, "to");
    p.reason = f.texts(d, "reason", p.decision_loc);
  } else {
    p.reason.loc = p.loc;
  }
  return p;
}

ConsultationComment read_comment(const RecordFile& f, const xmlNode* n) {
  ConsultationComment c;
  c.loc = f.loc(n);
  c.id = attribute(n, "id");
  c.commitment = attribute(n, "commitment");
  c.commitment_loc = c.commitment.empty() ? c.loc : f.attr_loc(c.loc, "commitment");
  c.received = f.date(n, c.loc, "received");
  c.sector = attribute(n, "sector");
  c.channel = collapse_whitespace(attribute(n, "channel"));
  c.from = f.texts(n, "from", c.loc);
  c.heard = f.texts(n, "heard", c.loc);
  c.response = f.texts(n, "response", c.loc);
  return c;
}

Consultation read_consultation(const RecordFile& f, const xmlNode* root) {
  Consultation c;
  c.declared = true;
  c.loc = f.loc(root);
  c.period.loc = c.loc;
  c.period.start = f.date(root, c.loc, "start");
  c.period.end = f.date(root, c.loc, "end");
  if (const auto to = child_elements(root, "send-to"); !to.empty()) {
    const SourceLoc at = f.loc(to.front());
    c.email = attribute(to.front(), "email");
    c.form = attribute(to.front(), "form");
    c.email_loc = f.attr_loc(at, "email");
    c.form_loc = f.attr_loc(at, "form");
  }
  for (const xmlNode* n : child_elements(root, "comment")) c.comments.push_back(read_comment(f, n));
  return c;
}

}  // namespace

fs::path consultation_file(const fs::path& plan_folder) { return plan_folder / "cocreation" / "consultation.xml"; }

bool valid_record_file(const std::string& bytes, const std::string& name, Diagnostics& diags) {
  XmlDocPtr doc = parse_xml(bytes, name, diags);
  if (!doc) return false;
  const SourceLocator locator(bytes);
  return schema().validate(doc.get(), name, locator, diags);
}

Cocreation load_cocreation(const fs::path& plan_folder, Diagnostics& diags) {
  Cocreation out;
  const fs::path dir = plan_folder / "cocreation";
  FolderListing listing = list_folder(dir);
  if (listing.missing) return out;
  if (!listing.problem.empty()) {
    diags.register_file(dir.generic_string());
    diags.error(listing.too_many ? Code::L006 : Code::L001, {dir.generic_string(), 0, 0},
                "the cocreation folder " + listing.problem);
    return out;
  }
  // Other files (the survey's CSV export, the Word proposals) may sit beside the record.
  for (const auto& path : listing.entries) {
    if (path.extension() != ".xml") continue;
    const std::string stem = path.stem().string();
    if (stem == "consultation") out.consultation_file = true;
    RecordFile f;
    static_cast<ContentFile&>(f) = open_content_file(path, schema(), diags, [&](const ContentFile& file, const xmlNode* root) {
      const char* want = stem == "proposals" ? "proposals" : stem == "consultation" ? "consultation" : nullptr;
      if (want && is_element(root, want)) return true;
      diags.error(Code::L004, {file.name, 1, 1},
                  want ? "expected a <" + std::string(want) + "> document here (cocreation/" + path.filename().string() + ")"
                       : "cocreation/ holds proposals.xml and consultation.xml; " + path.filename().string() +
                             " is neither (rename it, or move it out of the folder)");
      return false;
    });
    if (!f.doc) continue;
    const xmlNode* root = xmlDocGetRootElement(f.doc.get());
    if (is_element(root, "proposals")) {
      out.proposals_loc = f.loc(root);
      for (const xmlNode* n : child_elements(root, "proposal")) out.proposals.push_back(read_proposal(f, n));
    } else {
      out.consultation = read_consultation(f, root);
    }
  }
  return out;
}

}  // namespace renaksi
