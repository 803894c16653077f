// The rules of a submission that XML Schema 1.0 cannot express.
#include "emit/ogp/semantic_rules.h"

#include <algorithm>
#include <set>
#include <vector>

#include "emit/ogp/node_location.h"
#include "emit/ogp/vocabulary.h"
#include "emit/ogp/xml_access.h"
#include "model/date.h"
#include "model/dedent.h"
#include "xml/xml_document.h"

namespace renaksi::ogp {

namespace {

bool is(const xmlNode* n, const char* name) { return is_submission_element(n, name); }

class RuleChecker {
 public:
  RuleChecker(const std::string& file, const SourceLocator& locator, const std::set<const xmlNode*>& flagged,
              Diagnostics& diags)
      : file_(file), locator_(locator), flagged_(flagged), diags_(diags) {}

  void run(const xmlNode* root) {
    if (!is(root, "submission")) return;  // the schema reports a wrong root
    const xmlNode* plan = child(root, "plan");
    read_languages(plan);
    walk(root);
    for (const xmlNode* c : children(child(root, "commitments"), "commitment")) check_commitment(c);
  }

 private:
  void error(Code code, const xmlNode* at, const std::string& message) {
    diags_.error(code, locate(at, file_, locator_), message);
  }

  void read_languages(const xmlNode* plan) {
    const xmlNode* languages = child(plan, "languages");
    if (!languages) return;
    bool administrative = false;
    for (const xmlNode* l : children(languages)) {
      if (!is(l, "language") && !is(l, "englishLanguage")) continue;
      if (auto code = attribute(l, "code"); code && !code->empty() &&
                                            std::find(declared_.begin(), declared_.end(), *code) == declared_.end())
        declared_.push_back(*code);
      administrative = administrative || attribute(l, "administrative").value_or("") == "true";
    }
    if (!administrative && !declared_.empty())
      error(Code::V005, languages,
            "no language is marked administrative; mark the country's administrative language with "
            "administrative=\"true\"");
  }

  // Every element, in document order: language texts of fields, and periods.
  void walk(const xmlNode* n) {
    std::vector<const xmlNode*> texts;
    for (const xmlNode* c : children(n))
      if (is(c, "text") || is(c, "english")) texts.push_back(c);
    if (!texts.empty()) check_field(n, texts);
    if (is(n, "period")) check_period(n);
    for (const xmlNode* c : children(n)) walk(c);
  }

  void check_field(const xmlNode* field, const std::vector<const xmlNode*>& texts) {
    std::set<std::string> seen;
    bool schema_reported = flagged_.count(field) > 0;
    for (const xmlNode* t : texts) {
      schema_reported = schema_reported || flagged_.count(t) > 0;
      std::string lang = xml_lang(t);
      if (!seen.insert(lang).second)
        error(Code::V004, t, describe(field) + " has a second text in '" + lang + "'; keep one text per language");
    }
    for (const auto& lang : declared_) {
      if (seen.count(lang)) continue;
      if (lang == kEnglish && schema_reported) continue;  // the schema's V002 says it already
      error(Code::V003, field, describe(field) + " lacks its '" + lang + "' text; the plan declares '" + lang +
                                   "', so every field needs a text in it");
    }
  }

  void check_period(const xmlNode* p) {
    // Judged at the coarser precision of the two, as the content checks do.
    auto start = parse_calendar_date(attribute(p, "start").value_or(""));
    auto end = parse_calendar_date(attribute(p, "end").value_or(""));
    if (start && end && compare_dates(*end, *start) < 0)
      error(Code::V006, p, describe(p) + " ends (" + attribute(p, "end").value_or("") + ") before it starts (" +
                               attribute(p, "start").value_or("") + ")");
  }

  void check_commitment(const xmlNode* c) {
    bool lead = false;
    for (const xmlNode* i : children(child(c, "institutions"), "institution"))
      lead = lead || attribute(i, "role").value_or("") == "lead";
    if (!lead)
      error(Code::V008, c, describe(c) + " has no lead institution; OGP's template requires the lead implementing "
                                         "institution (an <institution role=\"lead\">)");
    // A contact's name is mixed content (a name as written, or one text per language): the
    // schema cannot require that it is not blank.
    for (const xmlNode* k : children(child(c, "contacts"), "contact")) {
      const xmlNode* name = child(k, "name");
      if (name && !child(name, "text") && !child(name, "english") && collapse_whitespace(node_text(name)).empty())
        error(Code::V010, name, describe(c) + " has a contact without a name; give the person's or the office's name");
    }
    for (const xmlNode* s : children(child(child(c, "additionalInformation"), "sdgs"), "sdg")) {
      auto goal = attribute(s, "goal");
      auto target = attribute(s, "target");
      if (!goal || !target) continue;
      std::string prefix = target->substr(0, target->find('.'));
      if (prefix != *goal)
        error(Code::V007, s, describe(c) + " links SDG target " + *target + " to goal " + *goal +
                                 "; target " + *target + " belongs to goal " + prefix);
    }
  }

  const std::string& file_;
  const SourceLocator& locator_;
  const std::set<const xmlNode*>& flagged_;
  Diagnostics& diags_;
  std::vector<std::string> declared_;
};

}  // namespace

void check_submission_rules(const xmlDoc* doc, const std::string& file, const SourceLocator& locator,
                            const std::set<const xmlNode*>& schema_flagged, Diagnostics& diags) {
  RuleChecker(file, locator, schema_flagged, diags).run(xmlDocGetRootElement(const_cast<xmlDoc*>(doc)));
}

}  // namespace renaksi::ogp
