// The self-assessment reports: a plan's progress facts (compose/progress_facts.h), per period,
// as documents the PDF and Word passes set like the plan's editions.
#include "compose/progress_report.h"

#include <algorithm>
#include <functional>
#include <map>
#include <string_view>

#include "compose/date_text.h"
#include "compose/fallback.h"
#include "compose/parts.h"
#include "compose/typography.h"

namespace renaksi {

using doc::Chapter;
using doc::Localized;
using prose::Inline;
using prose::Inlines;

namespace {

Inlines text(const std::string& s) { return text_inlines(s); }

Inlines link(const std::string& url, const std::string& label) {
  Inline i;
  i.kind = Inline::Kind::Link;
  i.url = url;
  i.children = text(label.empty() ? url : label);
  return {std::move(i)};
}

void append(Inlines& to, Inlines more) {
  for (auto& i : more) to.push_back(std::move(i));
}

// OGP's completion scale in its order, as the chart and the summary list it.
constexpr std::string_view kLevels[] = {"not-started", "limited", "substantial", "complete", "withdrawn"};

class ReportComposer {
 public:
  ReportComposer(const doc::Document& edition, const std::map<std::string, const doc::Facts*>& facts, const Locales& locales,
                 const std::vector<ReportingPeriod>& periods, size_t period, const ProgressReport& report)
      : edition_(edition), facts_(facts), locales_(locales), periods_(periods), period_(period), report_(report) {}

  doc::Document run() {
    doc::Document d;
    d.plan_id = edition_.plan_id;
    d.edition = edition_.edition;
    d.report_period = periods_[period_].id;
    d.langs = edition_.langs;
    d.issuer_name = edition_.issuer_name;
    // The plan's own facts (its place, stage, number, period, languages and issuer); the lists
    // the site reads stay with the plan's editions.
    d.facts.loc = edition_.facts.loc;
    d.facts.stage = edition_.facts.stage;
    d.facts.final_stage = edition_.facts.final_stage;
    d.facts.languages = edition_.facts.languages;
    d.facts.admin_lang = edition_.facts.admin_lang;
    d.facts.country = edition_.facts.country;
    d.facts.number = edition_.facts.number;
    d.facts.start = edition_.facts.start;
    d.facts.end = edition_.facts.end;
    d.facts.issuer_name = edition_.facts.issuer_name;
    d.facts.issuer_url = edition_.facts.issuer_url;
    for (const auto& lang : d.langs) d.front.push_back(front(lang));
    d.chapters.push_back(summary());
    for (const auto& c : edition_.facts.commitments) d.chapters.push_back(commitment(c.number));
    return d;
  }

 private:
  const Locale& loc(const std::string& lang) const { return *locales_.at(lang); }
  std::string msg(const std::string& lang, const std::string& key, const std::vector<MessageArg>& args = {}) const {
    return loc(lang).message(key, args);
  }
  const doc::Facts& facts(const std::string& lang) const { return *facts_.at(lang); }
  std::string period_text_in(const std::string& lang) const {
    const ReportingPeriod& p = periods_[period_];
    return p.period.valid() ? period_text(loc(lang), p.period) : p.id;
  }

  template <class T>
  std::vector<Localized<T>> parts(const std::function<T(const std::string&)>& make) const {
    return localized_parts(edition_.langs, make);
  }

  // A period's place in the plan's order of periods, or -1.
  int period_index(const std::string& id) const {
    for (size_t i = 0; i < periods_.size(); ++i)
      if (periods_[i].id == id) return static_cast<int>(i);
    return -1;
  }

  // Commitment `number`'s update of this period in `lang`, and its latest update of an earlier one.
  struct Updates {
    const doc::UpdateFact* now = nullptr;
    const doc::UpdateFact* before = nullptr;
  };
  Updates updates(const std::string& lang, int number) const {
    Updates u;
    const doc::CommitmentProgressFacts* c = facts(lang).progress.of(number);
    if (!c) return u;
    for (const auto& h : c->history) {  // newest period first
      const int at = period_index(h.period_id);
      if (at == static_cast<int>(period_) && !u.now) u.now = &h;
      if (at >= 0 && at < static_cast<int>(period_) && !u.before) u.before = &h;
    }
    return u;
  }

  // A text that stands in for `lang`'s missing one, marked as the plan's editions mark it.
  Inlines shown(const std::string& lang, const std::string& value, const std::string& value_lang) const {
    if (value_lang.empty() || value.empty()) return text(value);
    Inline i;
    i.kind = Inline::Kind::StandIn;
    i.text = edition_.front_for(lang).untranslated;
    i.lang = value_lang;
    i.children = text(value);
    return {std::move(i)};
  }

  Inlines evidence(const std::vector<doc::EvidenceFact>& links) const {
    Inlines out;
    for (const auto& e : links) {
      if (!out.empty()) append(out, text("; "));
      append(out, link(e.href, e.label));
    }
    return out;
  }

  doc::Front front(const std::string& lang) const {
    doc::Front f = edition_.front_for(lang);
    f.subtitle = msg(lang, "report.subtitle", {{"period", period_text_in(lang)}});
    f.subtitle_lang.clear();
    f.stage = report_.updated.text.empty() ? std::string()
                                           : msg(lang, "report.as_of", {{"date", date_text(loc(lang), report_.updated)}});
    f.draft_mark.clear();  // a report is made of a Final plan only
    return f;
  }

  // What a commitment's level was at its previous update: "Limited (January – June 2019)".
  std::string previous(const std::string& lang, const doc::UpdateFact* before) const {
    if (!before) return msg(lang, "report.first_update");
    return msg(lang, "report.previous_value", {{"level", before->level}, {"period", before->period}});
  }

  Chapter summary() const {
    Chapter ch;
    ch.kind = Chapter::Kind::Summary;
    ch.anchor = "summary";
    ch.loc = report_.loc;
    ch.title = parts<Inlines>([&](const std::string& lang) { return text(msg(lang, "report.summary")); });
    const std::string& first = edition_.langs.front();
    // The count per level, from the first language's facts (a level is the same in every one).
    std::map<std::string, int> count;
    int updated = 0;
    for (const auto& c : edition_.facts.commitments) {
      const Updates u = updates(first, c.number);
      if (u.now) ++updated;
      ++count[u.now ? u.now->level_id : std::string()];
    }
    const int total = static_cast<int>(edition_.facts.commitments.size());
    ch.blocks.push_back({{}, report_.loc, doc::Paragraph{parts<Inlines>([&](const std::string& lang) {
                           Inlines p = text(msg(lang, "report.intro", {{"period", period_text_in(lang)}}) + " ");
                           append(p, text(msg(lang, "report.updated_count",
                                              {{"updated", static_cast<long long>(updated)},
                                               {"total", static_cast<long long>(total)},
                                               {"date", report_.updated.text.empty() ? std::string("\u2014")
                                                                                      : date_text(loc(lang), report_.updated)}})));
                           return p;
                         })}});
    doc::Chart chart;
    chart.kind = "completion";
    chart.parts = parts<doc::ChartContent>([&](const std::string& lang) {
      doc::ChartContent c;
      c.caption = msg(lang, "report.chart_caption");
      c.value_label = msg(lang, "report.commitments");
      for (std::string_view level : kLevels) {
        const std::string id(level);
        const int n = count.count(id) ? count.at(id) : 0;
        if (n == 0 && id == "withdrawn") continue;  // the scale's four levels always; withdrawn when there is one
        c.bars.push_back({id, msg(lang, "progress.level." + id), n, loc(lang).number(n)});
      }
      if (const int none = count.count("") ? count.at("") : 0; none > 0)
        c.bars.push_back({"none", msg(lang, "report.no_update"), none, loc(lang).number(none)});
      return c;
    });
    ch.blocks.push_back({"summary-chart", report_.loc, std::move(chart)});
    doc::Table table;
    table.kind = "progress-summary";
    table.parts = parts<doc::TableContent>([&](const std::string& lang) {
      doc::TableContent t;
      t.header = {msg(lang, "report.column.number"), msg(lang, "report.column.commitment"), msg(lang, "report.column.lead"),
                  msg(lang, "report.column.level"), msg(lang, "report.column.previous")};
      for (const auto& c : facts(lang).commitments) {
        const Updates u = updates(lang, c.number);
        std::string leads;
        for (const auto& l : c.leads) leads += (leads.empty() ? "" : ", ") + l;
        Inlines title = link("#commitment-" + std::to_string(c.number), c.title);
        t.rows.push_back({text(loc(lang).number(c.number)), std::move(title), text(leads),
                          text(u.now ? u.now->level : msg(lang, "report.no_update")),
                          text(u.before ? u.before->level : std::string("\u2014"))});
      }
      return t;
    });
    ch.blocks.push_back({{}, report_.loc, std::move(table)});
    return ch;
  }

  // The report's entry for commitment `number` in the progress file, for messages about it.
  SourceLoc entry_loc(int number) const {
    for (const auto& c : edition_.facts.commitments)
      if (c.number == number)
        for (const auto& cp : report_.commitments)
          if (cp.entry.ref == c.id) return cp.entry.loc;
    return report_.loc;
  }

  Chapter commitment(int number) const {
    Chapter ch;
    ch.kind = Chapter::Kind::Commitment;
    ch.commitment_number = number;
    ch.anchor = "commitment-" + std::to_string(number);
    ch.loc = entry_loc(number);
    // The title as the plan's edition gives it (another language's marked where it stands in).
    if (const Chapter* plan_chapter = edition_.chapter(Chapter::Kind::Commitment, number)) ch.title = plan_chapter->title;
    const SourceLoc at = ch.loc;
    // Whether the period names the commitment, with evidence or milestones, is the same in every
    // language (each language's facts come from the same report); its texts are per language.
    const Updates first = updates(edition_.langs.front(), number);
    doc::Fields fields;
    fields.parts = parts<doc::FieldList>([&](const std::string& lang) {
      const Updates u = updates(lang, number);
      doc::FieldList f;
      if (u.now) {
        f.rows.push_back({msg(lang, "report.field.level"), text(u.now->level)});
        if (!u.now->date.empty()) f.rows.push_back({msg(lang, "report.field.updated"), text(u.now->date)});
      } else {
        f.rows.push_back({msg(lang, "report.field.level"), text(msg(lang, "report.no_update"))});
      }
      f.rows.push_back({msg(lang, "report.field.previous"), text(previous(lang, u.before))});
      return f;
    });
    ch.blocks.push_back({{}, at, std::move(fields)});
    if (!first.now) {
      ch.blocks.push_back({{}, at, doc::Paragraph{parts<Inlines>([&](const std::string& lang) {
                             return text(msg(lang, "report.commitment_no_update"));
                           })}});
      return ch;
    }
    ch.blocks.push_back({{}, at, doc::Paragraph{parts<Inlines>([&](const std::string& lang) {
                           const Updates u = updates(lang, number);
                           return u.now ? shown(lang, u.now->narrative, u.now->narrative_lang) : Inlines{};
                         })}});
    if (!first.now->evidence.empty())
      ch.blocks.push_back({{}, at, doc::Paragraph{parts<Inlines>([&](const std::string& lang) {
                             const Updates u = updates(lang, number);
                             if (!u.now || u.now->evidence.empty()) return Inlines{};
                             Inlines p = text(msg(lang, "progress.evidence") + " ");
                             append(p, evidence(u.now->evidence));
                             return p;
                           })}});
    if (first.now->milestones.empty()) return ch;
    ch.blocks.push_back({{}, at, doc::Heading{3, parts<Inlines>([&](const std::string& lang) {
                                                return text(msg(lang, "progress.milestones"));
                                              })}});
    doc::Table table;
    table.kind = "progress-milestones";
    table.parts = parts<doc::TableContent>([&](const std::string& lang) {
      const Updates u = updates(lang, number);
      doc::TableContent t;
      t.header = {msg(lang, "report.column.milestone"), msg(lang, "report.column.level"), msg(lang, "report.column.progress"),
                  msg(lang, "report.column.evidence")};
      if (!u.now) return t;
      for (const auto& m : u.now->milestones) {
        std::string level = m.level;
        if (u.before)
          for (const auto& earlier : u.before->milestones)
            if (earlier.ref == m.ref && earlier.level_id != m.level_id)
              level += " " + msg(lang, "progress.previously", {{"level", earlier.level}});
        t.rows.push_back({text(m.name), text(level), shown(lang, m.narrative, m.narrative_lang), evidence(m.evidence)});
      }
      return t;
    });
    ch.blocks.push_back({{}, at, std::move(table)});
    return ch;
  }

  const doc::Document& edition_;
  const std::map<std::string, const doc::Facts*>& facts_;
  const Locales& locales_;
  const std::vector<ReportingPeriod>& periods_;
  size_t period_;
  const ProgressReport& report_;
};

}  // namespace

std::vector<doc::Document> compose_progress_reports(const Plan& plan, const std::vector<doc::Document>& editions,
                                                    const Locales& locales) {
  std::vector<doc::Document> out;
  if (plan.stage != Stage::Final || plan.progress.reports.empty()) return out;
  // Each language's facts, from its single-language edition (a bilingual edition's facts are
  // in its first language only).
  std::map<std::string, const doc::Facts*> facts;
  for (const auto& e : editions)
    if (e.langs.size() == 1) facts.emplace(e.langs.front(), &e.facts);
  const std::vector<ReportingPeriod> periods = reporting_periods(plan.progress, plan.period);
  for (size_t p = 0; p < periods.size(); ++p) {
    // The period's report (one per period: a second is reported by check and not shown).
    const ProgressReport* report = nullptr;
    for (const auto& r : plan.progress.reports)
      if (r.period_id == periods[p].id && !report) report = &r;
    if (!report) continue;
    for (const auto& e : editions) {
      bool every_language = !e.langs.empty();
      for (const auto& l : e.langs) every_language = every_language && facts.count(l) && locales.count(l);
      if (!every_language) continue;
      doc::Document d = ReportComposer(e, facts, locales, periods, p, *report).run();
      curl_quotes(d);  // the narratives get the typographic quotes the plan's prose has
      out.push_back(std::move(d));
    }
  }
  return out;
}

}  // namespace renaksi
