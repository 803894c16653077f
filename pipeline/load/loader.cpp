// The load pass: plan folder -> Plan.
#include "load/loader.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <optional>

#include "env/limits.h"
#include "model/dedent.h"
#include "env/list_folder.h"
#include "env/read_file.h"
#include "env/text_encoding.h"
#include "load/cocreation_loader.h"
#include "load/progress_loader.h"
#include "load/schema.h"
#include "xml/source_locator.h"
#include "xml/xml_document.h"

namespace renaksi {

namespace fs = std::filesystem;

namespace {

const char* kind_root(DocumentKind k) {
  switch (k) {
    case DocumentKind::Plan: return "plan";
    case DocumentKind::Commitment: return "commitment";
    case DocumentKind::Organisations: return "organisations";
  }
  return "";
}

bool is(const xmlNode* n, const char* name) {
  return n && n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

// One parsed, valid content file and the means to read model nodes out of it.
class FileReader {
 public:
  FileReader(std::string file, const std::string& bytes, Diagnostics& diags)
      : file_(std::move(file)), locator_(bytes), diags_(diags) {}

  const std::string& file() const { return file_; }
  // A value in the file was out of range (C023): the file is left out of the model.
  bool failed() const { return failed_; }

  // The whole number in attribute `name` of `n` (the element at `element`), which must lie in
  // min … max: outside, or too large to hold, is C023 at the attribute and the file fails.
  std::optional<std::int64_t> number(const xmlNode* n, const SourceLoc& element, const char* name, std::int64_t min,
                                     std::int64_t max, const std::string& what) {
    auto text = attr(n, name);
    if (!text) return std::nullopt;
    // The schema allows surrounding whitespace, a leading '+' and leading zeros.
    std::string_view v = *text;
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t' || v.front() == '\n' || v.front() == '\r')) v.remove_prefix(1);
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\n' || v.back() == '\r')) v.remove_suffix(1);
    if (!v.empty() && v.front() == '+') v.remove_prefix(1);
    std::int64_t value = 0;
    auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), value);
    if (ec == std::errc() && ptr == v.data() + v.size() && !v.empty() && value >= min && value <= max) return value;
    std::string shown = v.size() > 40 ? std::string(v.substr(0, 40)) + "…" : std::string(v);
    diags_.error(Code::C023, attr_loc(element, name),
                 what + " " + shown + " is out of range: it must be a whole number from " + std::to_string(min) + " to " +
                     std::to_string(max));
    failed_ = true;
    return std::nullopt;
  }

  SourceLoc loc(const xmlNode* n) {
    int line = static_cast<int>(xmlGetLineNo(n));
    auto [l, c] = locator_.element(line, reinterpret_cast<const char*>(n->name));
    return {file_, l, c};
  }

  SourceLoc attr_loc(const SourceLoc& element, const char* name) const {
    auto [l, c] = locator_.attribute(element.line, element.col, name);
    return {file_, l, c};
  }

  static std::optional<std::string> attr(const xmlNode* n, const char* name) {
    xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
    if (!v) return std::nullopt;
    return take_xml_string(v);
  }

  static std::string attr_or(const xmlNode* n, const char* name, std::string fallback = {}) {
    auto v = attr(n, name);
    return v ? *v : fallback;
  }

  static std::optional<std::string> xml_lang(const xmlNode* n) {
    xmlChar* v = xmlNodeGetLang(n);
    if (!v) return std::nullopt;
    return take_xml_string(v);
  }

  static const xmlNode* child(const xmlNode* n, const char* name) {
    for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next)
      if (is(c, name)) return c;
    return nullptr;
  }

  static std::vector<const xmlNode*> children(const xmlNode* n, const char* name) {
    std::vector<const xmlNode*> out;
    for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next)
      if (is(c, name)) out.push_back(c);
    return out;
  }

  // The <text xml:lang> children of `field` (absent field: an empty LocalizedText). `known`
  // is the field's location when the caller has already looked it up.
  LocalizedText texts(const xmlNode* field, TextKind kind, const SourceLoc* known = nullptr) {
    LocalizedText out;
    out.kind = kind;
    out.loc = {file_, 0, 0};
    if (!field) return out;
    out.loc = known ? *known : loc(field);
    for (const xmlNode* t : children(field, "text")) {
      Text text;
      text.loc = loc(t);
      text.lang = xml_lang(t).value_or("");
      set_text_value(text, node_text(t), kind);
      out.texts.push_back(std::move(text));
    }
    return out;
  }

  // A contact's name: one text per language (<text xml:lang>), or one text, in the language its
  // xml:lang gives or in none (a person's name).
  LocalizedText contact_name(const xmlNode* n) {
    if (child(n, "text")) return texts(n, TextKind::Short);
    LocalizedText out;
    out.kind = TextKind::Short;
    out.loc = n ? loc(n) : SourceLoc{file_, 0, 0};
    if (!n) return out;
    Text text;
    text.loc = out.loc;
    text.lang = xml_lang(n).value_or("");
    set_text_value(text, node_text(n), TextKind::Short);
    out.texts.push_back(std::move(text));
    return out;
  }

  // A field of `parent`; an absent one points at its parent, so "missing" has a line.
  LocalizedText field(const xmlNode* parent, const SourceLoc& parent_loc, const char* name, TextKind kind) {
    const xmlNode* node = child(parent, name);
    LocalizedText t = texts(node, kind);
    if (!node) t.loc = parent_loc;
    return t;
  }

  Period period(const xmlNode* n) {
    Period p;
    p.loc = loc(n);
    p.start = {attr_or(n, "start"), attr_loc(p.loc, "start")};
    p.end = {attr_or(n, "end"), attr_loc(p.loc, "end")};
    return p;
  }


 private:
  std::string file_;
  SourceLocator locator_;
  Diagnostics& diags_;
  bool failed_ = false;
};

// Reads, parses and validates one file of the plan, which must hold an `expected` document;
// null doc when it cannot be used.
ContentFile open_content(const fs::path& path, DocumentKind expected, const ContentSchema& schema,
                         Diagnostics& diags) {
  return open_content_file(path, schema, diags, [&](const ContentFile& f, const xmlNode* root) {
    if (is(root, kind_root(expected))) return true;
    std::string got = root ? reinterpret_cast<const char*>(root->name) : "nothing";
    auto [l, c] = root ? f.locator->first_element(static_cast<int>(xmlGetLineNo(root)), got) : std::pair{1, 1};
    diags.error(Code::L004, {f.name, l, c},
                "expected a <" + std::string(kind_root(expected)) + "> document here, found <" + got + ">");
    return false;
  });
}

Organisation read_organisation(FileReader& r, const xmlNode* n) {
  Organisation o;
  o.loc = r.loc(n);
  o.id = FileReader::attr_or(n, "id");
  o.sector = parse_sector(FileReader::attr_or(n, "sector")).value_or(Sector::Government);
  o.url = FileReader::attr_or(n, "url");
  o.name = r.field(n, o.loc, "name", TextKind::Short);
  o.abbreviation = r.field(n, o.loc, "abbreviation", TextKind::Short);
  return o;
}

Milestone read_milestone(FileReader& r, const xmlNode* n) {
  Milestone m;
  m.loc = r.loc(n);
  m.id = FileReader::attr_or(n, "id");
  m.activity = r.field(n, m.loc, "activity", TextKind::Short);
  if (const xmlNode* p = FileReader::child(n, "period")) m.period = r.period(p);
  m.output = r.field(n, m.loc, "output", TextKind::Short);
  for (const xmlNode* a : FileReader::children(FileReader::child(n, "actors"), "actor")) {
    m.actors.push_back(FileReader::attr_or(a, "ref"));
    m.actor_locs.push_back(r.loc(a));
  }
  return m;
}

// The elements of a commitment that are not prose sections (schemas/content.rng lists the same).
bool is_structural(const xmlNode* n) {
  for (const char* name : {"title", "period", "themes", "policy-areas", "organisations", "values", "alignment", "additional",
                           "milestones", "contacts"})
    if (is(n, name)) return true;
  return false;
}

Commitment read_commitment(FileReader& r, const xmlNode* n) {
  Commitment c;
  c.loc = r.loc(n);
  c.id = FileReader::attr_or(n, "id");
  c.number = static_cast<int>(r.number(n, c.loc, "number", 1, limits::kMaxCommitmentNumber, "the commitment number").value_or(0));
  c.ogp_id = FileReader::attr_or(n, "ogp-id");
  c.title = r.field(n, c.loc, "title", TextKind::Short);
  if (const xmlNode* p = FileReader::child(n, "period")) c.period = r.period(p);
  for (const xmlNode* t : FileReader::children(FileReader::child(n, "themes"), "theme"))
    c.themes.push_back({FileReader::attr_or(t, "ref"), r.loc(t)});
  for (const xmlNode* p : FileReader::children(FileReader::child(n, "policy-areas"), "policy-area"))
    c.policy_areas.push_back(r.texts(p, TextKind::Short));
  for (const xmlNode* o : FileReader::children(FileReader::child(n, "organisations"), "organisation")) {
    OrganisationRef ref;
    ref.loc = r.loc(o);
    ref.ref = FileReader::attr_or(o, "ref");
    ref.role = parse_role(FileReader::attr_or(o, "role")).value_or(Role::Other);
    ref.unit = r.texts(FileReader::child(o, "unit"), TextKind::Short);
    c.organisations.push_back(std::move(ref));
  }
  // Every other element of a commitment is a prose section named by its element: which names
  // a commitment may use is its template profile's, checked by the check pass, not the schema.
  for (const xmlNode* s = n->children; s; s = s->next) {
    if (s->type != XML_ELEMENT_NODE || is_structural(s)) continue;
    Section section;
    section.loc = r.loc(s);
    section.id = reinterpret_cast<const char*>(s->name);
    section.text = r.texts(s, TextKind::Prose, &section.loc);
    c.sections.push_back(std::move(section));
  }
  if (const xmlNode* values = FileReader::child(n, "values")) {
    c.values_loc = r.loc(values);
    for (const xmlNode* v : FileReader::children(values, "value")) {
      ValueRelevance vr;
      vr.loc = r.loc(v);
      vr.kind = parse_ogp_value(FileReader::attr_or(v, "kind")).value_or(OgpValue::AccessToInformation);
      vr.relevant = FileReader::attr_or(v, "relevant") == "true" || FileReader::attr_or(v, "relevant") == "1";
      vr.text = r.texts(v, TextKind::Prose, &vr.loc);
      c.values.push_back(std::move(vr));
    }
  }
  if (const xmlNode* alignment = FileReader::child(n, "alignment")) {
    c.alignment_loc = r.loc(alignment);
    for (const xmlNode* w : FileReader::children(alignment, "with")) {
      Alignment a;
      a.loc = r.loc(w);
      a.kind = FileReader::attr_or(w, "kind");
      a.text = r.texts(w, TextKind::Prose, &a.loc);
      c.alignment.push_back(std::move(a));
    }
  }
  if (const xmlNode* add = FileReader::child(n, "additional")) {
    SourceLoc add_loc = r.loc(add);
    if (const xmlNode* b = FileReader::child(add, "budget")) {
      Budget budget;
      budget.loc = r.loc(b);
      budget.amount = FileReader::attr(b, "amount");
      budget.currency = FileReader::attr_or(b, "currency");
      budget.text = r.texts(b, TextKind::Short, &budget.loc);
      c.budget = std::move(budget);
    }
    for (const xmlNode* s : FileReader::children(FileReader::child(add, "sdgs"), "sdg")) {
      SdgLink link;
      link.loc = r.loc(s);
      link.goal = static_cast<int>(r.number(s, link.loc, "goal", 1, 17, "the SDG goal").value_or(0));
      link.target = FileReader::attr_or(s, "target");
      c.sdgs.push_back(std::move(link));
    }
    c.notes = r.field(add, add_loc, "notes", TextKind::Prose);
  } else {
    c.notes.loc = c.loc;
  }
  if (const xmlNode* ms = FileReader::child(n, "milestones")) {
    c.milestones_loc = r.loc(ms);
    for (const xmlNode* m : FileReader::children(ms, "milestone")) c.milestones.push_back(read_milestone(r, m));
  } else {
    c.milestones_loc = c.loc;
  }
  for (const xmlNode* k : FileReader::children(FileReader::child(n, "contacts"), "contact")) {
    Contact contact;
    contact.loc = r.loc(k);
    contact.org = FileReader::attr_or(k, "org");
    contact.name = r.contact_name(FileReader::child(k, "name"));
    contact.position = r.texts(FileReader::child(k, "position"), TextKind::Short);
    if (const xmlNode* e = FileReader::child(k, "email")) contact.email = collapse_whitespace(node_text(e));
    if (const xmlNode* p = FileReader::child(k, "phone")) contact.phone = collapse_whitespace(node_text(p));
    c.contacts.push_back(std::move(contact));
  }
  if (c.values_loc.file.empty()) c.values_loc = c.loc;
  if (c.alignment_loc.file.empty()) c.alignment_loc = c.loc;
  return c;
}

Event read_event(FileReader& r, const xmlNode* n) {
  Event e;
  e.loc = r.loc(n);
  e.id = FileReader::attr_or(n, "id");
  e.method = parse_method(FileReader::attr_or(n, "method")).value_or(Method::FD);
  if (auto s = FileReader::attr(n, "stage")) e.stage = parse_stage(*s);
  e.name = r.field(n, e.loc, "name", TextKind::Short);
  if (const xmlNode* d = FileReader::child(n, "date")) {
    SourceLoc l = r.loc(d);
    IsoDate day{FileReader::attr_or(d, "on"), r.attr_loc(l, "on")};
    e.when = {day, day, l};
    e.single_day = true;
  } else if (const xmlNode* p = FileReader::child(n, "period")) {
    e.when = r.period(p);
  }
  e.place = r.field(n, e.loc, "place", TextKind::Short);
  if (const xmlNode* p = FileReader::child(n, "participants")) {
    Participants parts;
    parts.loc = r.loc(p);
    parts.total = r.number(p, parts.loc, "total", 0, limits::kMaxParticipants, "the number of participants");
    parts.women = r.number(p, parts.loc, "women", 0, limits::kMaxParticipants, "the number of women");
    parts.men = r.number(p, parts.loc, "men", 0, limits::kMaxParticipants, "the number of men");
    parts.meetings = r.number(p, parts.loc, "meetings", 1, limits::kMaxParticipants, "the number of meetings");
    parts.note = r.texts(p, TextKind::Short, &parts.loc);
    e.participants = std::move(parts);
  }
  e.description = r.field(n, e.loc, "description", TextKind::Prose);
  return e;
}

void read_plan(FileReader& r, const xmlNode* n, Plan& plan) {
  plan.loc = r.loc(n);
  plan.id = FileReader::attr_or(n, "id");
  plan.country = FileReader::attr_or(n, "country");
  plan.id_loc = r.attr_loc(plan.loc, "id");
  plan.number = static_cast<int>(r.number(n, plan.loc, "number", 1, limits::kMaxPlanNumber, "the plan number").value_or(0));
  plan.stage = parse_stage(FileReader::attr_or(n, "stage")).value_or(Stage::Draft1);
  plan.stage_loc = r.attr_loc(plan.loc, "stage");
  // A plan that names no template was written for the one renaksi started with (seed 004).
  plan.template_id = FileReader::attr_or(n, "template", std::string(kDefaultTemplate));
  plan.template_loc = FileReader::attr(n, "template") ? r.attr_loc(plan.loc, "template") : plan.loc;
  for (const xmlNode* l : FileReader::children(FileReader::child(n, "languages"), "language")) {
    Language lang;
    lang.loc = r.loc(l);
    lang.code = FileReader::attr_or(l, "code");
    std::string adm = FileReader::attr_or(l, "administrative");
    lang.administrative = adm == "true" || adm == "1";
    if (auto style = FileReader::attr(l, "date-style")) {
      lang.date_style = *style;
      lang.date_style_loc = r.attr_loc(lang.loc, "date-style");
    }
    plan.languages.push_back(std::move(lang));
  }
  plan.title = r.field(n, plan.loc, "title", TextKind::Short);
  plan.subtitle = r.field(n, plan.loc, "subtitle", TextKind::Short);
  if (const xmlNode* p = FileReader::child(n, "period")) plan.period = r.period(p);
  if (const xmlNode* i = FileReader::child(n, "issuer")) {
    plan.issuer = FileReader::attr_or(i, "org");
    plan.issuer_loc = r.loc(i);
  }
  plan.foreword = r.field(n, plan.loc, "foreword", TextKind::Prose);
  for (const xmlNode* t : FileReader::children(FileReader::child(n, "themes"), "theme")) {
    Theme theme;
    theme.loc = r.loc(t);
    theme.id = FileReader::attr_or(t, "id");
    theme.name = r.field(t, theme.loc, "name", TextKind::Short);
    theme.description = r.field(t, theme.loc, "description", TextKind::Prose);
    plan.themes.push_back(std::move(theme));
  }
  if (const xmlNode* cc = FileReader::child(n, "cocreation")) {
    plan.has_cocreation = true;
    plan.cocreation_loc = r.loc(cc);
    plan.cocreation_summary = r.field(cc, plan.cocreation_loc, "summary", TextKind::Prose);
    for (const xmlNode* e : FileReader::children(cc, "event")) plan.events.push_back(read_event(r, e));
  } else {
    plan.cocreation_loc = plan.loc;
  }
}

}  // namespace

LoadResult load_plan(const fs::path& folder, Diagnostics& diags) {
  static const ContentSchema schema;
  LoadResult result;
  result.plan.folder = folder.generic_string();
  if (std::string problem = not_a_folder(folder); !problem.empty()) {
    diags.error(Code::L001, {folder.generic_string(), 0, 0},
                "not a plan folder: it " + problem + " (expected a folder with plan.xml inside it)");
    return result;
  }

  auto open = [&](const fs::path& path, DocumentKind kind) {
    ContentFile f = open_content(path, kind, schema, diags);
    ++result.files_read;
    if (!f.doc) ++result.files_failed;
    return f;
  };

  ContentFile plan_file = open(folder / "plan.xml", DocumentKind::Plan);
  if (plan_file.doc) {
    FileReader r(plan_file.name, plan_file.bytes, diags);
    read_plan(r, xmlDocGetRootElement(plan_file.doc.get()), result.plan);
    result.plan_file_ok = !r.failed();
    if (r.failed()) ++result.files_failed;
  } else {
    result.plan.loc = {plan_file.name, 0, 0};
  }

  ContentFile orgs = open(folder / "organisations.xml", DocumentKind::Organisations);
  result.organisations_ok = orgs.doc != nullptr;
  if (orgs.doc) {
    FileReader r(orgs.name, orgs.bytes, diags);
    for (const xmlNode* o : FileReader::children(xmlDocGetRootElement(orgs.doc.get()), "organisation"))
      result.plan.organisations.push_back(read_organisation(r, o));
  }

  // Every entry of commitments/ whose name ends in .xml is read, whatever it is: a folder, a
  // FIFO or a broken link so named is an error, never a silent skip. Other names are ignored.
  const fs::path dir = folder / "commitments";
  FolderListing listing = list_folder(dir);
  if (!listing.problem.empty() && !listing.missing) {
    diags.register_file(dir.generic_string());
    diags.error(listing.too_many ? Code::L006 : Code::L001, {dir.generic_string(), 0, 0},
                "the commitments folder " + listing.problem);
    result.all_commitments_ok = false;
  }
  for (const auto& path : listing.entries) {
    if (path.extension() != ".xml") continue;
    ContentFile f = open(path, DocumentKind::Commitment);
    if (!f.doc) {
      result.all_commitments_ok = false;
      continue;
    }
    FileReader r(f.name, f.bytes, diags);
    Commitment c = read_commitment(r, xmlDocGetRootElement(f.doc.get()));
    if (r.failed()) {
      ++result.files_failed;
      result.all_commitments_ok = false;
      continue;
    }
    result.plan.commitments.push_back(std::move(c));
  }
  std::stable_sort(result.plan.commitments.begin(), result.plan.commitments.end(),
                   [](const Commitment& a, const Commitment& b) { return a.number < b.number; });
  // Its progress after Final (progress/), kept apart from the plan's own files.
  result.plan.progress = load_progress(folder, diags);
  // Its co-creation record (cocreation/): proposals, decisions, the public consultation.
  result.plan.record = load_cocreation(folder, diags);
  return result;
}

bool validate_content_file(const fs::path& file, DocumentKind expected, Diagnostics& diags) {
  static const ContentSchema schema;
  return open_content(file, expected, schema, diags).doc != nullptr;
}

}  // namespace renaksi
