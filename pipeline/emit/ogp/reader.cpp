// Reads OGP-submission XML back into a Plan.
#include "emit/ogp/reader.h"
#include "emit/ogp/vocabulary.h"

#include "env/read_file.h"

#include <charconv>
#include <vector>

#include "emit/ogp/node_location.h"
#include "emit/ogp/validator.h"
#include "emit/ogp/xml_access.h"
#include "model/dedent.h"
#include "xml/source_locator.h"
#include "xml/xml_document.h"

namespace renaksi::ogp {

namespace {

bool is(const xmlNode* n, const char* name) { return is_submission_element(n, name); }

// Reads model nodes out of a submission: valid (the schema has vouched for its structure) or,
// read as a draft, well-formed; either way an absent part is simply absent in the model.
class SubmissionReader {
 public:
  SubmissionReader(const std::string& file, const std::string& bytes) : file_(file), locator_(bytes) {}

  static std::optional<std::string> attr(const xmlNode* n, const char* name) { return attribute(n, name); }
  static std::string attr_or(const xmlNode* n, const char* name) { return attribute_or_empty(n, name); }

  static std::optional<long> number(const xmlNode* n, const char* name) {
    auto v = attr(n, name);
    if (!v) return std::nullopt;
    // Range-checked: a number that does not fit an int is absent (never wrapped around).
    int out = 0;
    const char* end = v->data() + v->size();
    auto [p, ec] = std::from_chars(v->data(), end, out);
    if (ec != std::errc() || p != end) return std::nullopt;
    return out;
  }

  SourceLoc loc(const xmlNode* n) const { return locate(n, file_, locator_); }

  SourceLoc attr_loc(const SourceLoc& element, const char* name) const {
    auto [l, c] = locator_.attribute(element.line, element.col, name);
    return {file_, l, c};
  }

  // The language texts directly under `field` (<english> and <text>), in document order.
  LocalizedText texts(const xmlNode* field, TextKind kind, const SourceLoc& absent_at) const {
    LocalizedText out;
    out.kind = kind;
    out.loc = field ? loc(field) : absent_at;
    for (const xmlNode* c = field ? field->children : nullptr; c; c = c->next) {
      if (!is(c, "text") && !is(c, "english")) continue;
      Text t;
      t.loc = loc(c);
      t.lang = xml_lang(c);
      set_text_value(t, node_text(c), kind);
      out.texts.push_back(std::move(t));
    }
    return out;
  }

  // A contact's name: per language (<english>, <text>), or one text with or without xml:lang.
  LocalizedText contact_name(const xmlNode* n, const SourceLoc& absent_at) const {
    if (child(n, "english") || child(n, "text")) return texts(n, TextKind::Short, absent_at);
    LocalizedText out;
    out.kind = TextKind::Short;
    out.loc = n ? loc(n) : absent_at;
    if (!n) return out;
    Text t;
    t.loc = out.loc;
    t.lang = xml_lang(n);
    set_text_value(t, node_text(n), TextKind::Short);
    out.texts.push_back(std::move(t));
    return out;
  }

  LocalizedText field(const xmlNode* parent, const char* name, TextKind kind, const SourceLoc& parent_loc) const {
    return texts(child(parent, name), kind, parent_loc);
  }

  Period period(const xmlNode* n) const {
    Period p;
    p.loc = loc(n);
    p.start = {attr_or(n, "start"), attr_loc(p.loc, "start")};
    p.end = {attr_or(n, "end"), attr_loc(p.loc, "end")};
    return p;
  }

  void plan(const xmlNode* n, Plan& plan) const;
  Organisation organisation(const xmlNode* n) const;
  Commitment commitment(const xmlNode* n) const;

 private:
  Event event(const xmlNode* n) const;
  Milestone milestone(const xmlNode* n) const;
  void additional(const xmlNode* n, Commitment& c) const;

  std::string file_;
  SourceLocator locator_;
};

Event SubmissionReader::event(const xmlNode* n) const {
  Event e;
  e.loc = loc(n);
  e.id = attr_or(n, "id");
  e.method = parse_method(attr_or(n, "method")).value_or(Method::FD);
  if (auto s = attr(n, "stage")) e.stage = parse_stage(*s);
  e.name = field(n, "name", TextKind::Short, e.loc);
  if (const xmlNode* d = child(n, "date")) {
    SourceLoc l = loc(d);
    IsoDate day{attr_or(d, "on"), attr_loc(l, "on")};
    e.when = {day, day, l};
    e.single_day = true;
  } else if (const xmlNode* p = child(n, "period")) {
    e.when = period(p);
  }
  e.place = field(n, "place", TextKind::Short, e.loc);
  if (const xmlNode* p = child(n, "participants")) {
    Participants parts;
    parts.loc = loc(p);
    parts.total = number(p, "total");
    parts.women = number(p, "women");
    parts.men = number(p, "men");
    parts.meetings = number(p, "meetings");
    parts.note = field(p, "note", TextKind::Short, parts.loc);
    e.participants = std::move(parts);
  }
  e.description = field(n, "description", TextKind::Prose, e.loc);
  return e;
}

void SubmissionReader::plan(const xmlNode* n, Plan& plan) const {
  plan.loc = loc(n);
  plan.id = attr_or(n, "id");
  plan.country = attr_or(n, "country");
  plan.number = static_cast<int>(number(n, "number").value_or(0));
  plan.stage = parse_stage(attr_or(n, "stage")).value_or(Stage::Draft1);
  plan.stage_loc = attr_loc(plan.loc, "stage");
  plan.template_id = attr_or(n, "template");
  if (plan.template_id.empty()) plan.template_id = "ogi-2018";  // the schema's default
  plan.template_loc = plan.loc;
  for (const xmlNode* l = child(n, "languages") ? child(n, "languages")->children : nullptr; l; l = l->next) {
    if (!is(l, "language") && !is(l, "englishLanguage")) continue;
    Language lang;
    lang.loc = loc(l);
    lang.code = attr_or(l, "code");
    lang.administrative = attr_or(l, "administrative") == "true";
    if (auto style = attr(l, "dateStyle")) {
      lang.date_style = *style;
      lang.date_style_loc = attr_loc(lang.loc, "dateStyle");
    }
    plan.languages.push_back(std::move(lang));
  }
  plan.title = field(n, "title", TextKind::Short, plan.loc);
  plan.subtitle = field(n, "subtitle", TextKind::Short, plan.loc);
  if (const xmlNode* p = child(n, "period")) plan.period = period(p);
  if (const xmlNode* i = child(n, "issuer")) {
    plan.issuer = attr_or(i, "organisation");
    plan.issuer_loc = loc(i);
  }
  plan.foreword = field(n, "foreword", TextKind::Prose, plan.loc);
  for (const xmlNode* t : children(child(n, "themes"), "theme")) {
    Theme theme;
    theme.loc = loc(t);
    theme.id = attr_or(t, "id");
    theme.name = field(t, "name", TextKind::Short, theme.loc);
    theme.description = field(t, "description", TextKind::Prose, theme.loc);
    plan.themes.push_back(std::move(theme));
  }
  if (const xmlNode* cc = child(n, "cocreation")) {
    plan.has_cocreation = true;
    plan.cocreation_loc = loc(cc);
    plan.cocreation_summary = field(cc, "summary", TextKind::Prose, plan.cocreation_loc);
    for (const xmlNode* e : children(cc, "event")) plan.events.push_back(event(e));
  } else {
    plan.cocreation_loc = plan.loc;
  }
}

Organisation SubmissionReader::organisation(const xmlNode* n) const {
  Organisation o;
  o.loc = loc(n);
  o.id = attr_or(n, "id");
  o.sector = parse_sector(attr_or(n, "sector")).value_or(Sector::Government);
  o.url = attr_or(n, "url");
  o.name = field(n, "name", TextKind::Short, o.loc);
  o.abbreviation = field(n, "abbreviation", TextKind::Short, o.loc);
  return o;
}

Milestone SubmissionReader::milestone(const xmlNode* n) const {
  Milestone m;
  m.loc = loc(n);
  m.id = attr_or(n, "id");
  m.activity = field(n, "activity", TextKind::Short, m.loc);
  if (const xmlNode* p = child(n, "period")) m.period = period(p);
  m.output = field(n, "expectedOutput", TextKind::Short, m.loc);
  for (const xmlNode* s : children(child(n, "stakeholders"), "stakeholder")) {
    m.actors.push_back(attr_or(s, "ref"));
    m.actor_locs.push_back(loc(s));
  }
  return m;
}

void SubmissionReader::additional(const xmlNode* n, Commitment& c) const {
  const SourceLoc add_loc = loc(n);
  if (const xmlNode* b = child(n, "budget")) {
    Budget budget;
    budget.loc = loc(b);
    if (const xmlNode* amount = child(b, "amount")) {
      budget.amount = collapse_whitespace(node_text(amount));
      budget.currency = attr_or(amount, "currency");
    }
    budget.text = field(b, "description", TextKind::Short, budget.loc);
    c.budget = std::move(budget);
  }
  for (const xmlNode* s : children(child(n, "sdgs"), "sdg")) {
    SdgLink link;
    link.loc = loc(s);
    link.goal = static_cast<int>(number(s, "goal").value_or(0));
    link.target = attr_or(s, "target");
    c.sdgs.push_back(std::move(link));
  }
  c.notes = field(n, "notes", TextKind::Prose, add_loc);
}

Commitment SubmissionReader::commitment(const xmlNode* n) const {
  Commitment c;
  c.loc = loc(n);
  c.id = attr_or(n, "id");
  c.number = static_cast<int>(number(n, "number").value_or(0));
  c.ogp_id = attr_or(n, "ogpId");
  c.title = field(n, "title", TextKind::Short, c.loc);
  if (const xmlNode* p = child(n, "period")) c.period = period(p);
  for (const xmlNode* t : children(child(n, "themes"), "theme")) c.themes.push_back({attr_or(t, "ref"), loc(t)});
  for (const xmlNode* a : children(child(n, "policyAreas"), "policyArea"))
    c.policy_areas.push_back(texts(a, TextKind::Short, c.loc));
  // One entry per unit of an institution (one without a unit when it has none), as the content
  // lists an organisation with several units.
  for (const xmlNode* i : children(child(n, "institutions"), "institution")) {
    OrganisationRef ref;
    ref.loc = loc(i);
    ref.ref = attr_or(i, "ref");
    ref.role = parse_role(attr_or(i, "role")).value_or(Role::Other);
    const std::vector<const xmlNode*> units = children(i, "unit");
    if (units.empty()) ref.unit = field(i, "unit", TextKind::Short, ref.loc);
    for (const xmlNode* u : units) {
      OrganisationRef with_unit = ref;
      with_unit.unit = texts(u, TextKind::Short, ref.loc);
      c.organisations.push_back(std::move(with_unit));
    }
    if (units.empty()) c.organisations.push_back(std::move(ref));
  }
  for (const auto& [id, element] : kSectionElements)
    if (const xmlNode* s = child(n, std::string(element).c_str())) {
      const SourceLoc at = loc(s);
      c.sections.push_back({std::string(id), texts(s, TextKind::Prose, at), at});
    }
  for (const xmlNode* s : children(child(n, "otherSections"), "section")) {
    const SourceLoc at = loc(s);
    c.sections.push_back({attr_or(s, "id"), texts(s, TextKind::Prose, at), at});
  }
  c.values_loc = c.loc;
  if (const xmlNode* values = child(n, "values")) {
    c.values_loc = loc(values);
    for (const xmlNode* v : children(values, "value")) {
      ValueRelevance vr;
      vr.loc = loc(v);
      vr.kind = parse_ogp_value(attr_or(v, "kind")).value_or(OgpValue::AccessToInformation);
      vr.relevant = attr_or(v, "relevant") == "true" || attr_or(v, "relevant") == "1";
      vr.text = texts(v, TextKind::Prose, vr.loc);
      c.values.push_back(std::move(vr));
    }
  }
  c.alignment_loc = c.loc;
  if (const xmlNode* alignment = child(n, "alignment")) {
    c.alignment_loc = loc(alignment);
    for (const xmlNode* w : children(alignment, "alignedWith")) {
      Alignment a;
      a.loc = loc(w);
      a.kind = attr_or(w, "kind");
      a.text = texts(w, TextKind::Prose, a.loc);
      c.alignment.push_back(std::move(a));
    }
  }
  if (const xmlNode* add = child(n, "additionalInformation")) {
    additional(add, c);
  } else {
    c.notes.loc = c.loc;
  }
  c.milestones_loc = c.loc;
  if (const xmlNode* ms = child(n, "milestones")) {
    c.milestones_loc = loc(ms);
    for (const xmlNode* m : children(ms, "milestone")) c.milestones.push_back(milestone(m));
  }
  for (const xmlNode* k : children(child(n, "contacts"), "contact")) {
    Contact contact;
    contact.loc = loc(k);
    contact.org = attr_or(k, "organisation");
    contact.name = contact_name(child(k, "name"), contact.loc);
    contact.position = field(k, "position", TextKind::Short, contact.loc);
    if (const xmlNode* e = child(k, "email")) contact.email = collapse_whitespace(node_text(e));
    if (const xmlNode* p = child(k, "phone")) contact.phone = collapse_whitespace(node_text(p));
    c.contacts.push_back(std::move(contact));
  }
  return c;
}

}  // namespace

std::optional<Plan> read_ogp_submission(const std::string& bytes, const std::string& file, Diagnostics& diags,
                                        const ReadOptions& options) {
  XmlDocPtr doc = options.require_valid ? parse_valid_submission(bytes, file, diags)
                                        : parse_xml(bytes, file, diags, submission_parse_codes());
  if (!doc) return std::nullopt;
  const SubmissionReader reader(file, bytes);
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  Plan plan;
  reader.plan(child(root, "plan"), plan);
  for (const xmlNode* o : children(child(root, "organisations"), "organisation"))
    plan.organisations.push_back(reader.organisation(o));
  for (const xmlNode* c : children(child(root, "commitments"), "commitment"))
    plan.commitments.push_back(reader.commitment(c));
  return plan;
}

std::optional<Plan> read_ogp_submission_file(const std::filesystem::path& path, Diagnostics& diags,
                                             const ReadOptions& options) {
  std::string bytes;
  const std::string file = path.generic_string();
  // Only a regular file, at most limits::kMaxInputFileBytes, never blocking on a FIFO.
  if (ReadResult read = read_file(path, bytes); !read) {
    diags.register_file(file);
    diags.error(read.too_large() ? Code::V001 : Code::L001, {file, 0, 0}, "cannot be read: it " + read.reason);
    return std::nullopt;
  }
  return read_ogp_submission(bytes, file, diags, options);
}

}  // namespace renaksi::ogp
