// The compose pass: Plan + prose + locales -> Document per edition.
#include "compose/compose.h"

#include <algorithm>
#include <functional>
#include <numeric>

#include "compose/changes_chapter.h"
#include "compose/date_text.h"
#include "compose/fallback.h"
#include "compose/org_names.h"
#include "compose/parts.h"
#include "compose/progress_facts.h"
#include "compose/record_chapters.h"
#include "compose/stand_ins.h"
#include "compose/typography.h"
#include "model/text_fallback.h"

namespace renaksi {

using doc::Block;
using doc::Chapter;
using doc::Localized;
using prose::Inline;
using prose::Inlines;

namespace {

Inlines text(const std::string& s) { return text_inlines(s); }

prose::Block para(Inlines inlines) {
  prose::Block b;
  b.kind = prose::Block::Kind::Para;
  b.inlines = std::move(inlines);
  return b;
}

prose::Block bullets(std::vector<Inlines> items) {
  prose::Block b;
  b.kind = prose::Block::Kind::BulletList;
  for (auto& i : items) b.items.push_back({{para(std::move(i))}});
  return b;
}

// One commitment-independent formatter per edition: the plan, the edition, its locales.
class Composer {
 public:
  Composer(const Plan& plan, const TemplateProfile& profile, const ProseStore& prose, const Edition& edition,
           const Locales& locales, CurledProse& curled)
      : plan_(plan),
        profile_(profile),
        prose_(prose),
        curled_(curled),
        edition_(edition),
        locales_(locales),
        fb_(plan, edition.langs, locales),
        record_(plan, edition.langs, locales, fb_) {}

  doc::Document run() {
    doc::Document d;
    d.plan_id = plan_.id;
    d.edition = edition_.name;
    d.langs = edition_.langs;
    if (const Organisation* issuer = plan_.organisation(plan_.issuer))
      d.issuer_name = fb_.pick(issuer->name, edition_.langs.front()).text;
    // The organisations of the index, sorted once: the index chapter and the facts list them alike.
    const std::vector<const Organisation*> orgs = indexed_organisations();
    d.facts = facts(edition_.langs.front(), orgs);
    for (const auto& lang : edition_.langs) d.front.push_back(front(lang));
    if (plan_.foreword.present()) d.chapters.push_back(foreword());
    if (plan_.has_cocreation) d.chapters.push_back(cocreation());
    for (const auto& c : plan_.commitments) d.chapters.push_back(commitment(c));
    d.chapters.push_back(index(orgs));
    // The co-creation record's appendices: the proposals and decisions, the reasoned response.
    if (auto ch = record_.proposals_chapter()) d.chapters.push_back(std::move(*ch));
    if (auto ch = record_.consultation_chapter()) d.chapters.push_back(std::move(*ch));
    return d;
  }

 private:
  const Locale& loc(const std::string& lang) const { return *locales_.at(lang); }

  std::string msg(const std::string& lang, const std::string& key, const std::vector<MessageArg>& args = {}) const {
    return loc(lang).message(key, args);
  }

  std::string period(const std::string& lang, const Period& p) const { return period_text(loc(lang), p); }

  // The organisation's name in `lang` (another language's where it has none), with its
  // abbreviation when that differs.
  std::string org_name(const std::string& lang, const std::string& id) const {
    const Organisation* o = plan_.organisation(id);
    if (!o) return id;
    std::string name = fb_.pick(o->name, lang).text;
    std::string abbr = fb_.pick(o->abbreviation, lang).text;
    if (!abbr.empty() && abbr != name) name += " (" + abbr + ")";
    return name;
  }

  // The same as inlines: another language's name marked as standing in.
  Inlines org_inlines(const std::string& lang, const std::string& id) const {
    const Organisation* o = plan_.organisation(id);
    if (!o) return text(id);
    const Fallback::Shown name = fb_.pick(o->name, lang);
    if (!name.missing) return text(org_name(lang, id));
    return fb_.marked(text(org_name(lang, id)), name.lang, lang);
  }

  // Names joined by `sep`, each marked where it stands in.
  static Inlines joined(std::vector<Inlines> items, const std::string& sep) {
    Inlines out;
    for (auto& i : items) {
      if (!out.empty()) out.push_back({Inline::Kind::Text, sep, {}, true, {}, {}, {}});
      out.insert(out.end(), i.begin(), i.end());
    }
    return out;
  }

  // The organisation's name with its units: "Executive Office of the President (Office of
  // Science and Technology Policy; Office of Management and Budget)".
  std::string org_name(const std::string& lang, const OrgWithUnits& o) const {
    std::string units = units_in(o, lang);
    if (units.empty()) return org_name(lang, o.ref);
    return msg(lang, "org.units", {{"name", org_name(lang, o.ref)}, {"units", units}});
  }

  // The text of `t` to show in `lang`: its own; else the administrative language's, else the
  // first there is. Names and units are shown as they are, not as missing translations.
  const Text* own_or_other(const LocalizedText& t, const std::string& lang) const {
    if (const Text* own = t.find(lang); own && !own->value.empty()) return own;
    for (const auto& l : plan_.languages)
      if (l.administrative && !t.in(l.code).empty()) return t.find(l.code);
    for (const auto& other : t.texts)
      if (!other.value.empty()) return &other;
    return nullptr;
  }

  // `shown` in an edition of `lang`: plain when it is that language's or no language's (a
  // person's name), else marked with its own language.
  static Inlines in_language(const Text& shown, const std::string& lang) {
    if (shown.lang.empty() || shown.lang == lang) return text(shown.value);
    Inline i;
    i.kind = Inline::Kind::Lang;
    i.lang = shown.lang;
    i.children = text(shown.value);
    return {std::move(i)};
  }

  // An organisation's units in `lang`, each once, joined by "; "; a unit given in another
  // language only is shown in it, marked, not left out.
  Inlines units_inlines(const std::string& lang, const OrgWithUnits& o) const {
    Inlines units;
    std::vector<std::string_view> seen;
    for (const LocalizedText* u : o.units) {
      const Text* shown = own_or_other(*u, lang);
      if (!shown || std::find(seen.begin(), seen.end(), shown->value) != seen.end()) continue;
      seen.push_back(shown->value);
      if (!units.empty()) units.push_back(text("; ").front());
      for (auto& i : in_language(*shown, lang)) units.push_back(std::move(i));
    }
    return units;
  }

  // The same as inlines, the name marked where it stands in: the catalogue's "org.units"
  // pattern is formatted around placeholders that the name's and the units' inlines replace.
  Inlines org_inlines(const std::string& lang, const OrgWithUnits& o) const {
    Inlines name = org_inlines(lang, o.ref);
    Inlines units = units_inlines(lang, o);
    if (units.empty()) return name;
    return spliced_message(loc(lang), "org.units", {}, {{"name", std::move(name)}, {"units", std::move(units)}});
  }

  // One part per language of the edition, each made by `make(lang)`.
  template <typename F>
  auto parts(F&& make) const {
    return localized_parts(edition_.langs, std::forward<F>(make));
  }

  // Where a field's text in the edition's first language is, else the field's element.
  SourceLoc where(const LocalizedText& field) const {
    const Text* t = field.find(edition_.langs.front());
    if (!t && field.present()) t = &field.texts.front();
    return t ? t->loc : field.loc;
  }

  Block heading(int level, const std::string& anchor, const std::string& key, const SourceLoc& at) const {
    return {anchor, at, doc::Heading{level, parts([&](const std::string& lang) { return text(msg(lang, key)); })}};
  }

  // A prose field: each part at its own <text> element.
  Block prose_block(const LocalizedText& field) const {
    doc::Prose p;
    for (const auto& lang : edition_.langs)
      p.parts.push_back({lang, curled_.get(prose_.shared(std::string(field.in(lang))), lang), std::nullopt, {}, {}});
    for (auto& part : p.parts)
      if (const Text* t = field.find(part.lang)) part.loc = t->loc;
    return {{}, where(field), std::move(p)};
  }

  Block paragraph(const SourceLoc& at, const std::function<std::string(const std::string&)>& make) const {
    return {{}, at, doc::Paragraph{parts([&](const std::string& lang) { return text(make(lang)); })}};
  }

  doc::Front front(const std::string& lang) const {
    doc::Front f;
    f.lang = lang;
    f.untranslated = fb_.mark(lang);
    const Fallback::Shown title = fb_.pick(plan_.title, lang), subtitle = fb_.pick(plan_.subtitle, lang);
    f.title = title.text;
    f.title_lang = title.lang;
    f.subtitle = subtitle.text;
    f.subtitle_lang = subtitle.lang;
    if (plan_.number > 0)
      f.plan_line = msg(lang, "cover.plan_number",
                        {{"number", static_cast<long long>(plan_.number)}, {"country", loc(lang).country_name(plan_.country)}});
    f.period = msg(lang, "cover.period", {{"range", period(lang, plan_.period)}});
    f.stage = msg(lang, "stage.label", {{"stage", msg(lang, "stage." + std::string(stage_id(plan_.stage)))}});
    if (const Organisation* issuer = plan_.organisation(plan_.issuer)) {
      const Fallback::Shown name = fb_.pick(issuer->name, lang);
      if (!name.text.empty()) f.issuer = msg(lang, "cover.issued_by", {{"issuer", name.text}});
      f.issuer_lang = name.lang;
    }
    f.commitments = msg(lang, "cover.commitments", {{"count", static_cast<long long>(plan_.commitments.size())}});
    f.edition = edition_.langs.size() > 1 ? msg(lang, "edition.bilingual")
                                          : msg(lang, "edition.single", {{"language", loc(lang).language_name(lang)}});
    f.toc_title = msg(lang, "toc.title");
    if (plan_.stage != Stage::Final)
      f.draft_mark = msg(lang, "stage.mark", {{"number", static_cast<long long>(static_cast<int>(plan_.stage) + 1)}});
    std::vector<std::string> words;
    for (const auto& t : plan_.themes)
      if (std::string w = fb_.pick(t.name, lang).text; !w.empty()) words.push_back(std::move(w));
    f.keywords = words.empty() ? "OGP" : "OGP, " + std::accumulate(words.begin(), words.end(), std::string(), [](std::string a, const std::string& b) {
                   return a.empty() ? b : a + ", " + b;
                 });
    // The label is formatted per page by the layout (doc::format_page_label); formatting it
    // once here reports a missing or broken pattern (F003, F004) with the other labels.
    msg(lang, "footer.page", {{"page", 1LL}, {"pages", 1LL}});
    if (const std::string* pattern = loc(lang).pattern("footer.page"))
      if (format_message(*pattern, lang, {{"page", 1LL}, {"pages", 1LL}}).status == FormattedMessage::Status::Ok)
        f.page_label = {*pattern, lang};
    return f;
  }

  std::vector<Localized<Inlines>> title(const std::string& key) const {
    return parts([&](const std::string& lang) { return text(msg(lang, key)); });
  }

  Chapter foreword() const {
    Chapter c{Chapter::Kind::Foreword, "foreword", 0, where(plan_.foreword), title("chapter.foreword"), {}};
    c.blocks.push_back(prose_block(plan_.foreword));
    return c;
  }

  Chapter cocreation() const {
    Chapter c{Chapter::Kind::Cocreation, "cocreation", 0, plan_.cocreation_loc, title("chapter.cocreation"), {}};
    if (plan_.cocreation_summary.present()) c.blocks.push_back(prose_block(plan_.cocreation_summary));
    c.blocks.push_back(heading(2, "cocreation-events", "cocreation.events", plan_.cocreation_loc));
    c.blocks.push_back({{}, plan_.events.empty() ? plan_.cocreation_loc : plan_.events.front().loc,
                        doc::Table{"events", parts([&](const std::string& lang) {
                                     doc::TableContent t;
                                     t.header = {msg(lang, "event.method"), msg(lang, "event.name"), msg(lang, "event.date"),
                                                 msg(lang, "event.place"), msg(lang, "event.participants")};
                                     for (const auto& e : plan_.events) t.rows.push_back(event_row(lang, e));
                                     return t;
                                   })}});

    long long participants = 0, meetings = 0, women = 0, men = 0;
    bool counted = false;  // some event records how many took part
    for (const auto& e : plan_.events) {
      meetings += e.participants && e.participants->meetings ? *e.participants->meetings : 1;
      if (!e.participants) continue;
      counted = counted || e.participants->total.has_value();
      participants += e.participants->total.value_or(0);
      if (e.participants->women && e.participants->men) {
        women += *e.participants->women;
        men += *e.participants->men;
      }
    }
    c.blocks.push_back(paragraph(plan_.cocreation_loc, [&](const std::string& lang) {
      // No count recorded is not "0 participants".
      return msg(lang, counted ? "cocreation.totals" : "cocreation.totals_unrecorded",
                 {{"events", static_cast<long long>(plan_.events.size())}, {"participants", participants}, {"meetings", meetings}});
    }));
    c.blocks.push_back(paragraph(plan_.cocreation_loc, [&](const std::string& lang) {
      if (women + men == 0) return msg(lang, "cocreation.no_gender");
      double w = static_cast<double>(women) / static_cast<double>(women + men);
      return msg(lang, "cocreation.gender",
                 {{"women", women}, {"men", men}, {"women_share", loc(lang).percent(w)}, {"men_share", loc(lang).percent(1 - w)}});
    }));
    // What was proposed and decided, what the consultation heard: counts, each linking its chapter.
    for (auto& b : record_.summary_blocks()) c.blocks.push_back(std::move(b));
    return c;
  }

  std::vector<Inlines> event_row(const std::string& lang, const Event& e) const {
    std::string when = e.single_day ? date_text(loc(lang), e.when.start) : period(lang, e.when);
    std::vector<std::string> counts;
    if (e.participants) {
      const auto& p = *e.participants;
      if (p.total) counts.push_back(msg(lang, "event.participant_count", {{"count", static_cast<long long>(*p.total)}}));
      if (p.women && p.men)
        counts.push_back(msg(lang, "event.gender_count",
                             {{"women", static_cast<long long>(*p.women)}, {"men", static_cast<long long>(*p.men)}}));
      if (p.meetings) counts.push_back(msg(lang, "event.meeting_count", {{"count", static_cast<long long>(*p.meetings)}}));
      if (p.note.present()) counts.emplace_back(p.note.in(lang));
    }
    std::string people;
    for (const auto& s : counts) people += (people.empty() ? "" : "; ") + s;
    return {text(msg(lang, "method." + std::string(method_id(e.method)))), text(std::string(e.name.in(lang))), text(when),
            text(std::string(e.place.in(lang))), text(people.empty() ? "–" : people)};
  }

  // A commitment's chapter: its summary box, then its template's sections in the profile's
  // order, each as the profile labels it.
  Chapter commitment(const Commitment& c) const {
    const std::string a = "commitment-" + std::to_string(c.number);
    Chapter ch{Chapter::Kind::Commitment, a, c.number, c.loc,
               parts([&](const std::string& lang) {
                 return fb_.message(lang, "commitment.heading", {{"number", static_cast<long long>(c.number)}}, "title", c.title);
               }),
               {}};
    auto& b = ch.blocks;
    b.push_back({a + "-summary", c.loc, doc::Fields{parts([&](const std::string& lang) {
                                           return doc::FieldList{{}, metadata(lang, c)};
                                         })}});
    for (auto& block : record_.commitment_blocks(c)) b.push_back(std::move(block));
    for (const auto& s : profile_.sections) {
      const std::string anchor = a + "-" + s.anchor;
      switch (s.kind) {
        case SectionKind::Prose: {
          static const LocalizedText kAbsent;
          const Section* given = c.section(s.id);
          const LocalizedText& field = given ? given->text : kAbsent;
          const SourceLoc at = given ? given->loc : c.loc;
          if (!field.present() && !s.always) break;
          b.push_back(heading(s.level, anchor, s.heading, field.present() ? where(field) : at));
          if (field.present()) b.push_back(prose_block(field));
          break;
        }
        case SectionKind::Group:
          b.push_back(heading(2, anchor, s.heading, c.loc));
          break;
        case SectionKind::Lead: lead_section(b, anchor, s, c); break;
        case SectionKind::Values:
          b.push_back(heading(s.level, anchor, s.heading, c.values_loc.file.empty() ? c.loc : c.values_loc));
          for (const auto& v : c.values)
            if (v.relevant || (s.always && v.text.present()))
              subsection(b, a + "-value-" + std::string(ogp_value_id(v.kind)), choice_heading(s, ogp_value_id(v.kind)), v.text,
                         true, v.loc);
          break;
        case SectionKind::Alignment:
          b.push_back(heading(s.level, anchor, s.heading, c.alignment_loc.file.empty() ? c.loc : c.alignment_loc));
          for (const auto& al : c.alignment)
            subsection(b, a + "-alignment-" + al.kind, choice_heading(s, al.kind), al.text, true, al.loc);
          break;
        case SectionKind::Additional: additional_section(b, a, anchor, s, c); break;
        case SectionKind::Milestones: milestone_table(b, anchor, s, c); break;
        case SectionKind::Contacts: contact_table(b, anchor, s, c); break;
      }
    }
    return ch;
  }

  // The heading key of a value or alignment kind, as the profile labels it.
  static std::string choice_heading(const ProfileSection& s, std::string_view kind) {
    for (const auto& k : s.choices)
      if (k.kind == kind) return k.heading;
    return s.heading;  // check reports a kind the profile does not ask for (C025)
  }

  // The lead implementing agencies, each with its unit.
  void lead_section(std::vector<Block>& b, const std::string& anchor, const ProfileSection& s, const Commitment& c) const {
    const auto leads = c.with_role(Role::Lead);
    const SourceLoc lead_loc = leads.empty() ? c.loc : leads.front()->loc;
    b.push_back(heading(s.level, anchor, s.heading, lead_loc));
    b.push_back({{}, lead_loc, doc::Prose{parts([&](const std::string& lang) {
                   std::vector<Inlines> items;
                   for (const auto& o : group_by_organisation(leads)) {
                     Inlines item = {{Inline::Kind::Strong, {}, {}, true, org_inlines(lang, o.ref), {}, {}}};
                     if (Inlines units = units_inlines(lang, o); !units.empty()) {
                       item.push_back(text(" \u2014 ").front());
                       item.insert(item.end(), units.begin(), units.end());
                     }
                     items.push_back(std::move(item));
                   }
                   if (items.empty()) items.push_back(text(msg(lang, "meta.none")));
                   return prose::SharedBlocks(prose::Blocks{bullets(std::move(items))});
                 })}});
  }

  // Budget, SDG links and other information, when the commitment gives any.
  void additional_section(std::vector<Block>& b, const std::string& a, const std::string& anchor, const ProfileSection& s,
                          const Commitment& c) const {
    if (!c.budget && c.sdgs.empty() && !c.notes.present()) return;
    const SourceLoc g_loc = c.budget ? c.budget->loc : !c.sdgs.empty() ? c.sdgs.front().loc : where(c.notes);
    b.push_back(heading(s.level, anchor, s.heading, g_loc));
    for (const auto& part : s.parts) {
      if (part.kind == "budget" && c.budget) {
        b.push_back(heading(3, {}, part.heading, c.budget->loc));
        b.push_back(paragraph(c.budget->loc, [&](const std::string& lang) {
          std::string v = c.budget->amount ? loc(lang).currency(*c.budget->amount, c.budget->currency) : "";
          std::string note(c.budget->text.in(lang));
          if (!note.empty()) v += v.empty() ? note : " — " + note;
          return v;
        }));
      } else if (part.kind == "sdgs" && !c.sdgs.empty()) {
        b.push_back(heading(3, {}, part.heading, c.sdgs.front().loc));
        b.push_back({{}, c.sdgs.front().loc, doc::Prose{parts([&](const std::string& lang) {
                       std::vector<Inlines> items;
                       for (const auto& sdg : c.sdgs)
                         items.push_back(text(sdg.target.empty() ? msg(lang, "sdg.goal", {{"goal", static_cast<long long>(sdg.goal)}})
                                                                 : msg(lang, "sdg.target", {{"target", sdg.target}})));
                       return prose::SharedBlocks(prose::Blocks{bullets(std::move(items))});
                     })}});
      } else if (part.kind == "notes") {
        subsection(b, a + "-notes", part.heading, c.notes);
      }
    }
  }

  // One milestone's cell for a column of the profile's table.
  Inlines milestone_cell(const std::string& lang, const Commitment& c, size_t i, MilestoneField f) const {
    const Milestone& m = c.milestones[i];
    switch (f) {
      case MilestoneField::Number: return text(std::to_string(c.number) + "." + std::to_string(i + 1));
      case MilestoneField::Activity: return text(std::string(m.activity.in(lang)));
      case MilestoneField::Period: return text(m.period ? period(lang, *m.period) : msg(lang, "milestones.undated"));
      case MilestoneField::Start:
      case MilestoneField::End: {
        if (!m.period) return text(msg(lang, "milestones.undated"));
        return text(date_text(loc(lang), f == MilestoneField::Start ? m.period->start : m.period->end));
      }
      case MilestoneField::Output: return text(std::string(m.output.in(lang)));
      case MilestoneField::Actors: {
        std::string actors;
        for (const auto& id : m.actors) actors += (actors.empty() ? "" : ", ") + short_name(lang, id);
        return text(actors);
      }
    }
    return {};
  }

  void milestone_table(std::vector<Block>& b, const std::string& anchor, const ProfileSection& s, const Commitment& c) const {
    if (c.milestones.empty()) return;
    const SourceLoc m_loc = c.milestones_loc.file.empty() ? c.milestones.front().loc : c.milestones_loc;
    b.push_back(heading(s.level, anchor, s.heading, m_loc));
    b.push_back({{}, m_loc, doc::Table{"milestones", parts([&](const std::string& lang) {
                   doc::TableContent t;
                   for (const auto& col : s.columns) t.header.push_back(msg(lang, col.label));
                   for (size_t i = 0; i < c.milestones.size(); ++i) {
                     std::vector<Inlines> row;
                     for (const auto& col : s.columns) row.push_back(milestone_cell(lang, c, i, col.field));
                     t.rows.push_back(std::move(row));
                   }
                   return t;
                 })}});
  }

  void contact_table(std::vector<Block>& b, const std::string& anchor, const ProfileSection& s, const Commitment& c) const {
    if (c.contacts.empty()) return;
    b.push_back(heading(s.level, anchor, s.heading, c.contacts.front().loc));
    b.push_back({{}, c.contacts.front().loc, doc::Table{"contacts", parts([&](const std::string& lang) {
                   doc::TableContent t;
                   t.header = {msg(lang, "contacts.organisation"), msg(lang, "contacts.name"), msg(lang, "contacts.position")};
                   // "Email / Phone" names only what some contact has; no column when none has either.
                   if (std::string reach = reach_label(lang, c.contacts); !reach.empty()) t.header.push_back(reach);
                   for (const auto& k : c.contacts) {
                     Inlines reach;
                     if (!k.email.empty()) reach.push_back({Inline::Kind::Link, {}, "mailto:" + k.email, true, text(k.email), {}, {}});
                     if (!k.email.empty() && !k.phone.empty()) reach.push_back({Inline::Kind::LineBreak, {}, {}, true, {}, {}, {}});
                     if (!k.phone.empty()) reach.push_back({Inline::Kind::Text, k.phone, {}, true, {}, {}, {}});
                     t.rows.push_back({text(short_name(lang, k.org)), contact_name(lang, k), text(std::string(k.position.in(lang)))});
                     if (t.header.size() > 3) t.rows.back().push_back(std::move(reach));
                   }
                   return t;
                 })}});
  }

  // The header of the contacts' email and phone column: "Email / Telepon", or only the one some
  // contact has; empty when none has either.
  std::string reach_label(const std::string& lang, const std::vector<Contact>& contacts) const {
    const bool email = std::any_of(contacts.begin(), contacts.end(), [](const Contact& k) { return !k.email.empty(); });
    const bool phone = std::any_of(contacts.begin(), contacts.end(), [](const Contact& k) { return !k.phone.empty(); });
    if (email && phone)
      return msg(lang, "contacts.email_phone", {{"email", msg(lang, "contacts.email")}, {"phone", msg(lang, "contacts.phone")}});
    return email ? msg(lang, "contacts.email") : phone ? msg(lang, "contacts.phone") : std::string();
  }

  // A contact's name in `lang`: its own, or the one without a language (a person's), else
  // another language's, marked with it.
  Inlines contact_name(const std::string& lang, const Contact& k) const {
    const Text* shown = own_or_other(k.name, lang);
    return shown ? in_language(*shown, lang) : Inlines{};
  }

  // The abbreviation where there is one (tables are narrow), else the name.
  std::string short_name(const std::string& lang, const std::string& id) const {
    const Organisation* o = plan_.organisation(id);
    if (!o) return id;
    std::string abbr = fb_.pick(o->abbreviation, lang).text;
    return abbr.empty() ? fb_.pick(o->name, lang).text : abbr;
  }

  // The summary box: the rows the profile lists, under its labels.
  std::vector<doc::FieldRow> metadata(const std::string& lang, const Commitment& c) const {
    std::vector<doc::FieldRow> rows;
    auto row = [&](const std::string& key, const std::string& value) {
      rows.push_back({msg(lang, key), text(value.empty() ? msg(lang, "meta.none") : value)});
    };
    auto join = [](const std::vector<std::string>& v) {
      std::string s;
      for (const auto& x : v) s += (s.empty() ? "" : "; ") + x;
      return s;
    };
    // Names and themes: another language's where this one has none, marked.
    auto names_row = [&](const std::string& key, std::vector<Inlines> names) {
      if (names.empty()) return row(key, {});
      rows.push_back({msg(lang, key), joined(std::move(names), "; ")});
    };
    auto names = [&](Role r) {
      std::vector<Inlines> out;
      for (const auto& o : group_by_organisation(c.with_role(r))) out.push_back(org_inlines(lang, o));
      return out;
    };
    for (const auto& [id, label] : profile_.summary) {
      if (id == "number") row(label, std::to_string(c.number));
      else if (id == "ogp-id") {
        if (!c.ogp_id.empty()) row(label, c.ogp_id);
      } else if (id == "period") row(label, c.period ? period(lang, *c.period) : std::string());
      else if (id == "lead") names_row(label, names(Role::Lead));
      else if (id == "support" || id == "other") {
        auto v = names(id == "support" ? Role::Support : Role::Other);
        if (!v.empty()) names_row(label, std::move(v));
      } else if (id == "themes") {
        std::vector<Inlines> themes;
        for (const auto& t : c.themes)
          if (const Theme* th = plan_.theme(t.ref)) themes.push_back(fb_.inlines(th->name, lang));
        names_row(label, std::move(themes));
      } else if (id == "policy-areas") {
        std::vector<Inlines> areas;
        for (const auto& a : c.policy_areas) areas.push_back(fb_.inlines(a, lang));
        if (!areas.empty()) names_row(label, std::move(areas));
      } else if (id == "values") {
        std::vector<std::string> values;
        for (const auto& v : c.values)
          if (v.relevant) values.push_back(msg(lang, "value." + std::string(ogp_value_id(v.kind))));
        row(label, join(values));
      }
    }
    return rows;
  }

  // `at`: where the subsection comes from when its field is absent (a value's element).
  void subsection(std::vector<Block>& b, const std::string& anchor, const std::string& key, const LocalizedText& field,
                  bool always = false, const SourceLoc& at = {}) const {
    if (!field.present() && !always) return;
    b.push_back(heading(3, anchor, key, field.present() || at.file.empty() ? where(field) : at));
    if (field.present()) b.push_back(prose_block(field));
  }

  Chapter index(const std::vector<const Organisation*>& orgs) const {
    Chapter ch{Chapter::Kind::Index, "index", 0, plan_.loc, title("chapter.index"), {}};
    ch.blocks.push_back(paragraph(plan_.loc, [&](const std::string& lang) { return msg(lang, "index.intro"); }));
    for (const Organisation* o : orgs) {
      ch.blocks.push_back({"org-" + o->id, o->loc, doc::Fields{parts([&](const std::string& lang) {
                             doc::FieldList f{org_inlines(lang, o->id), {}};
                             f.rows.push_back({msg(lang, "sector." + std::string(sector_id(o->sector))), {}});
                             for (const auto& r : role_mentions(lang, o->id)) {
                               Inlines list;
                               for (const auto& m : r.commitments) {
                                 if (!list.empty()) list.push_back({Inline::Kind::Text, "; ", {}, true, {}, {}, {}});
                                 list.push_back({Inline::Kind::Link, {}, "#commitment-" + std::to_string(m.number), true,
                                                 mention(lang, m), {}, {}});
                               }
                               f.rows.push_back({r.role, list});
                             }
                             return f;
                           })}});
    }
    return ch;
  }

  // "10. <title> (<units>)" as role_mentions labelled it; where the title stands in, the title
  // marked instead (without the units).
  Inlines mention(const std::string& lang, const doc::Mention& m) const {
    for (const auto& c : plan_.commitments)
      if (c.number == m.number && fb_.pick(c.title, lang).missing)
        return fb_.message(lang, "index.commitment", {{"number", static_cast<long long>(c.number)}}, "title", c.title);
    return text(m.label);
  }

  // The organisations some commitment names, sorted by the first language's collation.
  std::vector<const Organisation*> indexed_organisations() const {
    std::vector<const Organisation*> orgs;
    for (const auto& o : plan_.organisations)
      if (!roles_of(o.id).empty()) orgs.push_back(&o);
    const std::string& first = edition_.langs.front();
    std::stable_sort(orgs.begin(), orgs.end(), [&](const Organisation* x, const Organisation* y) {
      return loc(first).less(org_name(first, x->id), org_name(first, y->id));
    });
    return orgs;
  }

  // For each role `org` has somewhere (lead, support, other, in that order), the commitments.
  std::vector<doc::RoleMentions> role_mentions(const std::string& lang, const std::string& org) const {
    std::vector<doc::RoleMentions> out;
    for (Role r : {Role::Lead, Role::Support, Role::Other}) {
      doc::RoleMentions m{msg(lang, "role." + std::string(role_id(r))), {}};
      for (const auto& [c, role] : roles_of(org))
        if (role == r) {
          std::string label = msg(lang, "index.commitment", {{"number", static_cast<long long>(c->number)},
                                                             {"title", fb_.pick(c->title, lang).text}});
          // The units the organisation has there: "3. Title (Unit A; Unit B)".
          for (const auto& o : group_by_organisation(c->with_role(r)))
            if (std::string units = units_in(o, lang); o.ref == org && !units.empty())
              label = msg(lang, "org.units", {{"name", label}, {"units", units}});
          m.commitments.push_back({c->number, std::move(label)});
        }
      if (!m.commitments.empty()) out.push_back(std::move(m));
    }
    return out;
  }

  // What the site lists about the plan, in `lang` (the administrative language's text where
  // `lang` has none).
  doc::Facts facts(const std::string& lang, const std::vector<const Organisation*>& orgs) const {
    doc::Facts f;
    f.loc = plan_.loc;
    f.stage = std::string(stage_id(plan_.stage));
    f.final_stage = plan_.stage == Stage::Final;
    f.consultation = plan_.stage == Stage::Draft4;
    f.country = plan_.country;
    f.number = plan_.number;
    f.start = plan_.period.start.text;
    f.end = plan_.period.end.text;
    for (const auto& l : plan_.languages) {
      f.languages.push_back({l.code, l.administrative});
      if (l.administrative && f.admin_lang.empty()) f.admin_lang = l.code;
    }
    if (f.admin_lang.empty() && !plan_.languages.empty()) f.admin_lang = plan_.languages.front().code;
    auto in = [&](const LocalizedText& t) { return text_in(t, lang, f.admin_lang); };
    if (const Organisation* issuer = plan_.organisation(plan_.issuer)) {
      f.issuer_name = in(issuer->name);
      f.issuer_url = issuer->url;
    }
    for (const auto& t : plan_.themes) f.themes.push_back({t.id, in(t.name)});
    for (const auto& c : plan_.commitments) {
      doc::CommitmentRef r;
      r.number = c.number;
      r.id = c.id;
      r.anchor = "commitment-" + std::to_string(c.number);
      r.title = in(c.title);
      for (const auto& t : c.title.texts) r.titles.push_back(t.value);
      r.ogp_id = c.ogp_id;
      for (const auto* o : c.with_role(Role::Lead))
        if (const Organisation* org = plan_.organisation(o->ref)) {
          std::string abbr = in(org->abbreviation);
          r.leads.push_back(abbr.empty() ? in(org->name) : abbr);
          r.lead_anchors.push_back("org-" + org->id);
          r.lead_names.push_back(org_name(lang, org->id));
        }
      if (c.period && c.period->valid()) r.period = period(lang, *c.period);
      for (const auto& t : c.themes) r.themes.push_back(t.ref);
      record_.comment_links(r, c, lang);
      f.commitments.push_back(std::move(r));
    }
    for (const Organisation* o : orgs)
      f.organisations.push_back({"org-" + o->id, org_name(lang, o->id), msg(lang, "sector." + std::string(sector_id(o->sector))),
                                 std::string(sector_id(o->sector)), o->url, role_mentions(lang, o->id)});
    f.progress = progress_facts(plan_, lang, f.admin_lang, loc(lang));
    f.consultation_facts = record_.consultation_facts(lang);
    f.proposals = static_cast<int>(plan_.record.proposals.size());
    return f;
  }

  // A text in `lang`, else in the administrative language, else the first there is.
  static std::string text_in(const LocalizedText& t, const std::string& lang, const std::string& admin) {
    return std::string(text_or_fallback(t, lang, admin));
  }

  // The commitments that name `org`, each with the strongest role it has there (a lead that
  // is also a milestone actor is listed as lead).
  std::vector<std::pair<const Commitment*, Role>> roles_of(const std::string& org) const {
    std::vector<std::pair<const Commitment*, Role>> out;
    for (const auto& c : plan_.commitments) {
      std::optional<Role> best;
      for (const auto& o : c.organisations)
        if (o.ref == org && (!best || o.role < *best)) best = o.role;
      if (!best)
        for (const auto& m : c.milestones)
          if (std::find(m.actors.begin(), m.actors.end(), org) != m.actors.end()) best = Role::Other;
      if (best) out.emplace_back(&c, *best);
    }
    return out;
  }

  const Plan& plan_;
  const TemplateProfile& profile_;
  const ProseStore& prose_;
  CurledProse& curled_;
  const Edition& edition_;
  const Locales& locales_;
  Fallback fb_;
  RecordComposer record_;
};

}  // namespace

std::vector<Edition> editions_of(const Plan& plan) {
  std::vector<std::string> langs;
  for (const auto& l : plan.languages)
    if (l.administrative) langs.push_back(l.code);
  for (const auto& l : plan.languages)
    if (!l.administrative) langs.push_back(l.code);
  std::vector<Edition> out;
  for (const auto& l : langs) out.push_back({l, {l}});
  if (langs.size() >= 2) out.push_back({"bilingual", {langs[0], langs[1]}});
  return out;
}

doc::Document compose(const Plan& plan, const TemplateProfile& profile, const ProseStore& prose, const Edition& edition,
                      const Locales& locales) {
  CurledProse curled;
  return compose(plan, profile, prose, edition, locales, curled);
}

doc::Document compose(const Plan& plan, const TemplateProfile& profile, const ProseStore& prose, const Edition& edition,
                      const Locales& locales, CurledProse& curled) {
  doc::Document d = Composer(plan, profile, prose, edition, locales, curled).run();
  curl_quotes(d);  // plain texts get the typographic quotes Pandoc gives the prose
  return d;
}

std::vector<doc::Document> compose_editions(const Plan& plan, const TemplateProfile& profile, const ProseStore& prose,
                                            const Locales& locales, const diff::PlanDiff* changes) {
  std::vector<doc::Document> out;
  CurledProse curled;  // each prose text curled once, shared by every edition that shows it
  for (const auto& edition : editions_of(plan)) out.push_back(compose(plan, profile, prose, edition, locales, curled));
  // The first edition is the administrative language's: its texts stand in for the missing
  // ones of the other single-language editions, and the next editions' for its own missing ones.
  for (size_t i = 0; i < out.size(); ++i)
    for (size_t j = 0; j < out.size() && out[i].langs.size() == 1; ++j)
      if (j != i && out[j].langs.size() == 1) attach_stand_ins(out[i], out[j]);
  // The change report since the recorded previous draft: the editions' last chapter, an appendix.
  if (changes)
    for (auto& d : out) d.chapters.push_back(changes_chapter(*changes, profile, d.langs, locales, plan.loc));
  return out;
}

}  // namespace renaksi
