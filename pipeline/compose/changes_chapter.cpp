// Composing the change report chapter from a PlanDiff.
#include "compose/changes_chapter.h"

#include <algorithm>
#include <functional>

#include "compose/parts.h"
#include "diff/diff_text.h"
#include "model/text_fallback.h"

namespace renaksi {

namespace {

using diff::Change;
using diff::Field;
using diff::FieldChange;
using doc::Block;
using prose::Inline;
using prose::Inlines;

Inline text(const std::string& s) { return {Inline::Kind::Text, s, {}, true, {}, {}, {}}; }

class ChangesComposer {
 public:
  ChangesComposer(const TemplateProfile& profile, const std::vector<std::string>& langs, const Locales& locales,
                  const SourceLoc& at)
      : profile_(profile), langs_(langs), locales_(locales), at_(at) {}

  doc::Chapter run(const diff::PlanDiff& d) const {
    const long long old_n = static_cast<int>(d.old_stage) + 1, new_n = static_cast<int>(d.new_stage) + 1;
    doc::Chapter ch{doc::Chapter::Kind::Changes, "changes", 0, at_, {}, {}};
    for (const auto& lang : langs_)
      ch.title.push_back({lang, {text(msg(lang, "changes.title", {{"number", old_n}}))}, std::nullopt, {}, {}});
    ch.blocks.push_back(paragraph([&](const std::string& lang) {
      return msg(lang, "changes.intro", {{"old", old_n}, {"new", new_n}});
    }));
    ch.blocks.push_back(paragraph([&](const std::string& lang) {
      return msg(lang, "changes.legend",
                 {{"deleted", std::string(diff::kDeletedOpen) + msg(lang, "changes.legend_deleted") + std::string(diff::kDeletedClose)},
                  {"inserted", std::string(diff::kInsertedOpen) + msg(lang, "changes.legend_inserted") + std::string(diff::kInsertedClose)}});
    }));
    if (d.empty()) ch.blocks.push_back(paragraph([&](const std::string& lang) { return msg(lang, "changes.none"); }));
    if (!d.plan_fields.empty()) {
      ch.blocks.push_back(heading(2, "changes-plan", [&](const std::string& lang) { return msg(lang, "changes.plan"); }));
      fields(ch.blocks, d.plan_fields, nullptr);
    }
    for (const auto& c : d.commitments) {
      const long long number = c.removed() ? c.old_number : c.new_number;
      ch.blocks.push_back(heading(2, "changes-" + c.id, [&](const std::string& lang) {
        return msg(lang, "changes.commitment", {{"number", number}, {"title", title_in(c.title, lang)}});
      }));
      if (c.added() || c.removed() || c.renumbered())
        ch.blocks.push_back(paragraph([&](const std::string& lang) {
          if (c.added()) return msg(lang, "changes.commitment_added");
          if (c.removed()) return msg(lang, "changes.commitment_removed");
          return msg(lang, "changes.commitment_renumbered", {{"old", static_cast<long long>(c.old_number)}});
        }));
      fields(ch.blocks, c.fields, &c);
    }
    return ch;
  }

 private:
  std::string msg(const std::string& lang, const std::string& key, const std::vector<MessageArg>& args = {}) const {
    return locales_.at(lang)->message(key, args);
  }

  static std::string title_in(const LocalizedText& t, const std::string& lang) { return std::string(text_or_fallback(t, lang)); }

  template <class T>
  std::vector<doc::Localized<T>> parts(const std::function<T(const std::string&)>& make) const {
    return localized_parts(langs_, make);
  }

  Block heading(int level, const std::string& anchor, const std::function<std::string(const std::string&)>& make) const {
    return {anchor, at_, doc::Heading{level, parts<Inlines>([&](const std::string& lang) { return Inlines{text(make(lang))}; })}};
  }

  Block paragraph(const std::function<std::string(const std::string&)>& make) const {
    return {{}, at_, doc::Paragraph{parts<Inlines>([&](const std::string& lang) { return Inlines{text(make(lang))}; })}};
  }

  // The catalogue's name of a field: the template profile's heading where it has one.
  std::string label(const std::string& lang, const FieldChange& f) const {
    auto choice = [&](SectionKind kind) -> std::string {
      if (const ProfileSection* s = profile_.of_kind(kind))
        for (const auto& c : s->choices)
          if (c.kind == f.id) return msg(lang, c.heading);
      return f.id;
    };
    switch (f.field) {
      case Field::Section:
        if (const ProfileSection* s = profile_.prose_section(f.id)) return msg(lang, s->heading);
        return f.id;
      case Field::Value: return choice(SectionKind::Values);
      case Field::Alignment: return choice(SectionKind::Alignment);
      case Field::Milestone:
        return msg(lang, f.change == Change::Added ? "changes.milestone_added" : "changes.milestone_removed", {{"id", f.id}});
      case Field::MilestoneActivity:
      case Field::MilestoneOutput:
      case Field::MilestonePeriod:
      case Field::MilestoneActors:
        return msg(lang, "changes.milestone_field",
                   {{"id", f.id}, {"field", msg(lang, "changes.field." + std::string(diff::field_id(f.field)))}});
      default: return msg(lang, "changes.field." + std::string(diff::field_id(f.field)));
    }
  }

  // A field's difference as paragraphs: blank lines part them; a change is a Deleted or
  // Inserted run holding its markers and words.
  static prose::Blocks diff_blocks(const diff::WordDiff& words) {
    prose::Blocks out(1);
    out.back().kind = prose::Block::Kind::Para;
    for (const auto& p : diff::with_context(words).pieces) {
      std::size_t start = 0;
      for (bool first = true;; first = false) {
        if (!first) {
          out.emplace_back();
          out.back().kind = prose::Block::Kind::Para;
        }
        const std::size_t brk = p.text.find("\n\n", start);
        std::string seg = p.text.substr(start, brk == std::string::npos ? std::string::npos : brk - start);
        std::replace(seg.begin(), seg.end(), '\n', ' ');
        if (!seg.empty()) {
          Inlines& in = out.back().inlines;
          if (p.op == diff::Op::Same) {
            in.push_back(text(seg));
          } else {
            const bool del = p.op == diff::Op::Delete;
            Inline run{del ? Inline::Kind::Deleted : Inline::Kind::Inserted, {}, {}, true, {}, {}, {}};
            run.children.push_back(text(std::string(del ? diff::kDeletedOpen : diff::kInsertedOpen) + seg +
                                        std::string(del ? diff::kDeletedClose : diff::kInsertedClose)));
            in.push_back(std::move(run));
          }
        }
        if (brk == std::string::npos) break;
        start = brk + 2;
        while (start < p.text.size() && p.text[start] == '\n') ++start;
      }
    }
    out.erase(std::remove_if(out.begin(), out.end(), [](const prose::Block& b) { return b.inlines.empty(); }), out.end());
    return out;
  }

  // Each changed field once, under its name: its difference in each language that has one, a
  // note in those that do not; a field without language (a period) in every column.
  void fields(std::vector<Block>& blocks, const std::vector<FieldChange>& changes, const diff::CommitmentChange*) const {
    std::vector<std::pair<Field, std::string>> seen;
    for (const auto& f : changes) {
      const std::pair<Field, std::string> key{f.field, f.id};
      if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
      seen.push_back(key);
      blocks.push_back(heading(3, "", [&](const std::string& lang) { return label(lang, f); }));
      doc::Prose p;
      for (const auto& lang : langs_) {
        auto it = std::find_if(changes.begin(), changes.end(), [&](const FieldChange& c) {
          return c.field == f.field && c.id == f.id && (c.lang == lang || c.lang.empty());
        });
        prose::Blocks b;
        if (it != changes.end()) {
          b = diff_blocks(it->words);
        } else {
          prose::Block note;
          note.kind = prose::Block::Kind::Para;
          Inline em{Inline::Kind::Emph, {}, {}, true, {text(msg(lang, "changes.unchanged_here"))}, {}, {}};
          note.inlines.push_back(std::move(em));
          b.push_back(std::move(note));
        }
        p.parts.push_back({lang, prose::SharedBlocks(std::move(b)), std::nullopt, {}, {}});
      }
      blocks.push_back({{}, at_, std::move(p)});
    }
  }

  const TemplateProfile& profile_;
  const std::vector<std::string>& langs_;
  const Locales& locales_;
  SourceLoc at_;
};

}  // namespace

doc::Chapter changes_chapter(const diff::PlanDiff& changes, const TemplateProfile& profile,
                             const std::vector<std::string>& langs, const Locales& locales, const SourceLoc& at) {
  return ChangesComposer(profile, langs, locales, at).run(changes);
}

}  // namespace renaksi
