// Writes a Plan as OGP-submission XML.
#include "emit/ogp/writer.h"

#include <algorithm>

#include <libxml/tree.h>

#include <algorithm>
#include <new>
#include <utility>
#include <vector>

#include "emit/ogp/vocabulary.h"
#include "emit/ogp/xml_access.h"
#include "xml/xml_document.h"

namespace renaksi::ogp {

namespace {

const xmlChar* x(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

// Builds the tree: every node belongs to the document, which one XmlDocPtr owns. Markup is
// never assembled as text; libxml2 escapes content and attribute values when it serialises.
class TreeBuilder {
 public:
  TreeBuilder() : doc_(xmlNewDoc(x("1.0"))) {
    if (!doc_) throw std::bad_alloc();
  }

  xmlNode* root(const char* name) {
    xmlNode* node = checked(xmlNewDocNode(doc_.get(), nullptr, x(name), nullptr));
    xmlDocSetRootElement(doc_.get(), node);
    ns_ = xmlNewNs(node, x(std::string(kNamespace).c_str()), nullptr);
    if (!ns_) throw std::bad_alloc();
    xmlSetNs(node, ns_);
    return node;
  }

  xmlNode* child(xmlNode* parent, const char* name) {
    return checked(xmlNewChild(parent, ns_, x(name), nullptr));  // no content: nothing to escape
  }

  void attr(xmlNode* node, const char* name, const std::string& value) {
    checked(xmlNewProp(node, x(name), x(value.c_str())));
  }

  void content(xmlNode* node, const std::string& value) {
    xmlNodeAddContentLen(node, x(value.c_str()), static_cast<int>(value.size()));
  }

  xmlNode* text_child(xmlNode* parent, const char* name, const std::string& value) {
    xmlNode* node = child(parent, name);
    content(node, value);
    return node;
  }

  // One element per language: <english xml:lang="en"> or <text xml:lang="...">, in the
  // plan's order.
  void texts(xmlNode* field, const LocalizedText& t) {
    for (const auto& text : t.texts) {
      xmlNode* node = text_child(field, text.lang == kEnglish ? "english" : "text", text.value);
      xmlNodeSetLang(node, x(text.lang.c_str()));
    }
  }

  // The field `name` under `parent` when the plan has it.
  void field(xmlNode* parent, const char* name, const LocalizedText& t) {
    if (t.present()) texts(child(parent, name), t);
  }

  void period(xmlNode* parent, const Period& p) {
    xmlNode* node = child(parent, "period");
    attr(node, "start", p.start.text);
    attr(node, "end", p.end.text);
  }

  std::string serialize() {
    xmlChar* raw = nullptr;
    int size = 0;
    xmlDocDumpFormatMemoryEnc(doc_.get(), &raw, &size, "UTF-8", 1);
    XmlCharPtr bytes(raw);
    if (!bytes) throw std::bad_alloc();
    return std::string(reinterpret_cast<const char*>(bytes.get()), static_cast<size_t>(size));
  }

 private:
  template <typename T>
  static T* checked(T* p) {
    if (!p) throw std::bad_alloc();
    return p;
  }

  XmlDocPtr doc_;
  xmlNs* ns_ = nullptr;
};

void write_languages(TreeBuilder& b, xmlNode* plan_node, const Plan& plan) {
  xmlNode* languages = b.child(plan_node, "languages");
  for (const auto& l : plan.languages) {
    xmlNode* node = b.child(languages, l.code == kEnglish ? "englishLanguage" : "language");
    b.attr(node, "code", l.code);
    if (l.administrative) b.attr(node, "administrative", "true");
    if (!l.date_style.empty()) b.attr(node, "dateStyle", l.date_style);
  }
}

void write_event(TreeBuilder& b, xmlNode* parent, const Event& e) {
  xmlNode* node = b.child(parent, "event");
  b.attr(node, "id", e.id);
  b.attr(node, "method", std::string(method_id(e.method)));
  if (e.stage) b.attr(node, "stage", std::string(stage_id(*e.stage)));
  b.field(node, "name", e.name);
  if (e.single_day) {
    b.attr(b.child(node, "date"), "on", e.when.start.text);
  } else {
    b.period(node, e.when);
  }
  b.field(node, "place", e.place);
  if (e.participants) {
    const Participants& p = *e.participants;
    xmlNode* parts = b.child(node, "participants");
    if (p.total) b.attr(parts, "total", std::to_string(*p.total));
    if (p.women) b.attr(parts, "women", std::to_string(*p.women));
    if (p.men) b.attr(parts, "men", std::to_string(*p.men));
    if (p.meetings) b.attr(parts, "meetings", std::to_string(*p.meetings));
    b.field(parts, "note", p.note);
  }
  b.field(node, "description", e.description);
}

void write_plan(TreeBuilder& b, xmlNode* root, const Plan& plan) {
  xmlNode* node = b.child(root, "plan");
  b.attr(node, "id", plan.id);
  b.attr(node, "country", plan.country);
  if (plan.number > 0) b.attr(node, "number", std::to_string(plan.number));
  b.attr(node, "stage", std::string(stage_id(plan.stage)));
  if (!plan.template_id.empty()) b.attr(node, "template", plan.template_id);
  write_languages(b, node, plan);
  b.field(node, "title", plan.title);
  b.field(node, "subtitle", plan.subtitle);
  b.period(node, plan.period);
  if (!plan.issuer.empty()) b.attr(b.child(node, "issuer"), "organisation", plan.issuer);
  b.field(node, "foreword", plan.foreword);
  if (!plan.themes.empty()) {
    xmlNode* themes = b.child(node, "themes");
    for (const auto& t : plan.themes) {
      xmlNode* theme = b.child(themes, "theme");
      b.attr(theme, "id", t.id);
      b.field(theme, "name", t.name);
      b.field(theme, "description", t.description);
    }
  }
  if (plan.has_cocreation) {
    xmlNode* cocreation = b.child(node, "cocreation");
    b.field(cocreation, "summary", plan.cocreation_summary);
    for (const auto& e : plan.events) write_event(b, cocreation, e);
  }
}

void write_organisations(TreeBuilder& b, xmlNode* root, const Plan& plan) {
  xmlNode* node = b.child(root, "organisations");
  for (const auto& o : plan.organisations) {
    xmlNode* org = b.child(node, "organisation");
    b.attr(org, "id", o.id);
    b.attr(org, "sector", std::string(sector_id(o.sector)));
    if (!o.url.empty()) b.attr(org, "url", o.url);
    b.field(org, "name", o.name);
    b.field(org, "abbreviation", o.abbreviation);
  }
}

void write_additional(TreeBuilder& b, xmlNode* parent, const Commitment& c) {
  if (!c.budget && c.sdgs.empty() && !c.notes.present()) return;
  xmlNode* node = b.child(parent, "additionalInformation");
  if (c.budget) {
    xmlNode* budget = b.child(node, "budget");
    if (c.budget->amount) b.attr(b.text_child(budget, "amount", *c.budget->amount), "currency", c.budget->currency);
    b.field(budget, "description", c.budget->text);
  }
  if (!c.sdgs.empty()) {
    xmlNode* sdgs = b.child(node, "sdgs");
    for (const auto& s : c.sdgs) {
      xmlNode* sdg = b.child(sdgs, "sdg");
      b.attr(sdg, "goal", std::to_string(s.goal));
      if (!s.target.empty()) b.attr(sdg, "target", s.target);
    }
  }
  b.field(node, "notes", c.notes);
}

void write_milestone(TreeBuilder& b, xmlNode* parent, const Milestone& m) {
  xmlNode* node = b.child(parent, "milestone");
  b.attr(node, "id", m.id);
  b.field(node, "activity", m.activity);
  if (m.period) b.period(node, *m.period);
  b.field(node, "expectedOutput", m.output);
  if (!m.actors.empty()) {
    xmlNode* stakeholders = b.child(node, "stakeholders");
    for (const auto& a : m.actors) b.attr(b.child(stakeholders, "stakeholder"), "ref", a);
  }
}

// One <institution> per organisation and role, where each first appears, with the units of
// every entry that names it (the reader gives each unit its entry back).
void write_institutions(TreeBuilder& b, xmlNode* institutions, const std::vector<OrganisationRef>& refs) {
  std::vector<std::pair<const OrganisationRef*, xmlNode*>> written;
  for (const auto& o : refs) {
    auto it = std::find_if(written.begin(), written.end(),
                           [&](const auto& w) { return w.first->ref == o.ref && w.first->role == o.role; });
    if (it == written.end()) {
      xmlNode* inst = b.child(institutions, "institution");
      b.attr(inst, "ref", o.ref);
      b.attr(inst, "role", std::string(role_id(o.role)));
      it = written.insert(written.end(), {&o, inst});
    }
    b.field(it->second, "unit", o.unit);
  }
}

void write_commitment(TreeBuilder& b, xmlNode* parent, const Commitment& c) {
  xmlNode* node = b.child(parent, "commitment");
  b.attr(node, "id", c.id);
  b.attr(node, "number", std::to_string(c.number));
  if (!c.ogp_id.empty()) b.attr(node, "ogpId", c.ogp_id);
  b.field(node, "title", c.title);
  if (c.period) b.period(node, *c.period);
  if (!c.themes.empty()) {
    xmlNode* themes = b.child(node, "themes");
    for (const auto& t : c.themes) b.attr(b.child(themes, "theme"), "ref", t.ref);
  }
  if (!c.policy_areas.empty()) {
    xmlNode* areas = b.child(node, "policyAreas");
    for (const auto& a : c.policy_areas) b.texts(b.child(areas, "policyArea"), a);
  }
  if (!c.organisations.empty()) write_institutions(b, b.child(node, "institutions"), c.organisations);
  auto own_element = [](const std::string& id) {
    return std::any_of(kSectionElements.begin(), kSectionElements.end(), [&](const auto& e) { return e.first == id; });
  };
  for (const auto& [id, element] : kSectionElements)
    if (const Section* s = c.section(id)) b.field(node, std::string(element).c_str(), s->text);
  xmlNode* others = nullptr;
  for (const auto& s : c.sections) {
    if (own_element(s.id) || !s.text.present()) continue;
    if (!others) others = b.child(node, "otherSections");
    xmlNode* section = b.child(others, "section");
    b.attr(section, "id", s.id);
    b.texts(section, s.text);
  }
  if (!c.values.empty()) {
    xmlNode* values = b.child(node, "values");
    for (const auto& v : c.values) {
      xmlNode* value = b.child(values, "value");
      b.attr(value, "kind", std::string(ogp_value_id(v.kind)));
      b.attr(value, "relevant", v.relevant ? "true" : "false");
      b.texts(value, v.text);
    }
  }
  if (!c.alignment.empty()) {
    xmlNode* alignment = b.child(node, "alignment");
    for (const auto& a : c.alignment) {
      xmlNode* with = b.child(alignment, "alignedWith");
      b.attr(with, "kind", a.kind);
      b.texts(with, a.text);
    }
  }
  write_additional(b, node, c);
  xmlNode* milestones = b.child(node, "milestones");
  for (const auto& m : c.milestones) write_milestone(b, milestones, m);
  if (!c.contacts.empty()) {
    xmlNode* contacts = b.child(node, "contacts");
    for (const auto& k : c.contacts) {
      xmlNode* contact = b.child(contacts, "contact");
      b.attr(contact, "organisation", k.org);
      if (k.name.texts.size() == 1) {
        xmlNode* name = b.text_child(contact, "name", k.name.texts.front().value);
        if (!k.name.texts.front().lang.empty()) xmlNodeSetLang(name, x(k.name.texts.front().lang.c_str()));
      } else {
        b.field(contact, "name", k.name);
      }
      b.field(contact, "position", k.position);
      if (!k.email.empty()) b.text_child(contact, "email", k.email);
      if (!k.phone.empty()) b.text_child(contact, "phone", k.phone);
    }
  }
}

}  // namespace

std::string write_ogp_submission(const Plan& plan, const WriteOptions& options) {
  TreeBuilder b;
  xmlNode* root = b.root("submission");
  b.attr(root, "schemaVersion", std::string(kSchemaVersion));
  if (!options.generated.empty()) b.attr(root, "generated", options.generated);
  if (!options.generator.empty()) b.attr(root, "generator", options.generator);
  write_plan(b, root, plan);
  write_organisations(b, root, plan);
  xmlNode* commitments = b.child(root, "commitments");
  for (const auto& c : plan.commitments) write_commitment(b, commitments, c);
  return b.serialize();
}

}  // namespace renaksi::ogp
