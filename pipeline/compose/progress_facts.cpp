// A plan's progress, composed: current level per commitment, its history, the IRM's ratings.
#include "compose/progress_facts.h"

#include <algorithm>
#include <sstream>

#include "compose/date_text.h"
#include "model/text_fallback.h"

namespace renaksi {

namespace {

struct Picked {
  std::string text;
  std::string lang;
};

Picked pick(const ProgressTexts& t, const std::string& lang, const std::string& admin) {
  for (const std::string* l : {&lang, &admin})
    if (const ProgressText* x = t.find(*l); x && !x->value.empty()) return {x->value, x->lang};
  for (const auto& x : t.texts)
    if (!x.value.empty()) return {x.value, x.lang};
  return {};
}

std::string in(const LocalizedText& t, const std::string& lang, const std::string& admin) {
  return std::string(text_or_fallback(t, lang, admin));
}

class ProgressComposer {
 public:
  ProgressComposer(const Plan& plan, const std::string& lang, const std::string& admin, const Locale& locale)
      : plan_(plan), lang_(lang), admin_(admin), loc_(locale) {}

  doc::ProgressFacts run() {
    doc::ProgressFacts out;
    out.total = static_cast<int>(plan_.commitments.size());
    if (plan_.stage != Stage::Final || plan_.progress.empty()) return out;
    // The reports in the order of their periods (declared order), then of their dates.
    const std::vector<ReportingPeriod> periods = reporting_periods(plan_.progress, plan_.period);
    auto period_index = [&](const std::string& id) {
      for (size_t i = 0; i < periods.size(); ++i)
        if (periods[i].id == id) return static_cast<int>(i);
      return -1;
    };
    std::vector<const ProgressReport*> reports;
    for (const auto& r : plan_.progress.reports)
      if (period_index(r.period_id) >= 0) reports.push_back(&r);
    std::stable_sort(reports.begin(), reports.end(), [&](const ProgressReport* a, const ProgressReport* b) {
      const int x = period_index(a->period_id), y = period_index(b->period_id);
      return x != y ? x > y : a->updated.text > b->updated.text;  // newest first
    });
    for (const auto& c : plan_.commitments) {
      doc::CommitmentProgressFacts f;
      f.number = c.number;
      for (const ProgressReport* r : reports) {
        const ReportingPeriod& period = periods[static_cast<size_t>(period_index(r->period_id))];
        for (const auto& cp : r->commitments) {
          if (cp.entry.ref != c.id) continue;
          doc::UpdateFact u = update(cp.entry, period);
          for (const auto& me : cp.milestones) {
            const Milestone* m = nullptr;
            for (const auto& x : c.milestones)
              if (x.id == me.ref) m = &x;
            if (!m) continue;  // C103, reported by check
            doc::UpdateFact mu = update(me, period);
            mu.name = in(m->activity, lang_, admin_);
            u.milestones.push_back(std::move(mu));
          }
          f.history.push_back(std::move(u));
          break;  // one entry per commitment and report (a second is C108)
        }
      }
      if (!f.history.empty()) {
        f.level_id = f.history.front().level_id;
        f.level = f.history.front().level;
        f.as_of = f.history.front().date;
        ++out.with_level;
        if (f.level_id == "substantial" || f.level_id == "complete") ++out.advanced;
        if (f.history.front().iso_date > out.as_of_iso) {
          out.as_of_iso = f.history.front().iso_date;
          out.as_of = f.history.front().date;
        }
      }
      for (const auto& ic : plan_.progress.irm)
        if (ic.ref == c.id)
          for (const auto& r : ic.ratings) f.irm.push_back(rating(r));
      if (!f.history.empty() || !f.irm.empty()) out.commitments.push_back(std::move(f));
    }
    return out;
  }

 private:
  doc::UpdateFact update(const ProgressEntry& e, const ReportingPeriod& period) const {
    doc::UpdateFact u;
    u.ref = e.ref;
    u.period_id = period.id;
    u.period = period.period.valid() ? period_text(loc_, period.period) : period.id;
    u.iso_date = e.updated.text;
    u.date = e.updated.text.empty() ? std::string() : date_text(loc_, e.updated);
    u.level_id = std::string(completion_id(e.level));
    u.level = loc_.message("progress.level." + u.level_id);
    const Picked n = pick(e.narrative, lang_, admin_);
    u.narrative = n.text;
    u.narrative_lang = n.lang == lang_ ? std::string() : n.lang;
    for (const auto& link : e.evidence) {
      const Picked l = pick(link.label, lang_, admin_);
      u.evidence.push_back({link.href, l.text, l.lang == lang_ ? std::string() : l.lang});
    }
    return u;
  }

  doc::IrmRatingFact rating(const IrmRating& r) const {
    doc::IrmRatingFact f;
    f.kind = r.kind;
    f.label = loc_.message("irm.kind." + r.kind);
    f.source = r.source;
    f.report = r.report;
    if (r.kind == "relevance" && r.value != "yes" && r.value != "no") {
      std::istringstream words(r.value);
      for (std::string w; words >> w;) f.value += (f.value.empty() ? "" : ", ") + loc_.message("value." + w);
    } else {
      f.value = loc_.message("irm.value." + r.value);
    }
    return f;
  }

  const Plan& plan_;
  const std::string& lang_;
  const std::string& admin_;
  const Locale& loc_;
};

}  // namespace

doc::ProgressFacts progress_facts(const Plan& plan, const std::string& lang, const std::string& admin, const Locale& locale) {
  return ProgressComposer(plan, lang, admin, locale).run();
}

}  // namespace renaksi
