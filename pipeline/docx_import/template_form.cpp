// The commitment form of a template profile.
#include "docx_import/template_form.h"

#include <algorithm>

#include "text/message_format.h"

namespace renaksi::docx_import {

namespace {

std::string column_field(MilestoneField f) {
  switch (f) {
    case MilestoneField::Number: return "number";
    case MilestoneField::Activity: return "activity";
    case MilestoneField::Period: return "period";
    case MilestoneField::Start: return "start";
    case MilestoneField::End: return "end";
    case MilestoneField::Output: return "output";
    case MilestoneField::Actors: return "actors";
  }
  return "activity";
}

bool summary_has(const TemplateProfile& p, std::string_view row) {
  return std::any_of(p.summary.begin(), p.summary.end(), [&](const LabelledKind& k) { return k.kind == row; });
}

std::string summary_label(const TemplateProfile& p, std::string_view row) {
  for (const auto& k : p.summary)
    if (k.kind == row) return k.heading;
  return {};
}

}  // namespace

Form form_of(const TemplateProfile& profile) {
  Form form;
  FormTable summary{FormTableKind::Fields, "template.summary", {{"title", "template.commitment_title"}}, 0};
  if (summary_has(profile, "period")) {
    summary.fields.push_back({"start", "template.start"});
    summary.fields.push_back({"end", "template.end"});
  }
  for (const char* row : {"lead", "support", "other"})
    if (summary_has(profile, row)) summary.fields.push_back({row, summary_label(profile, row)});
  if (summary_has(profile, "themes")) summary.fields.push_back({"themes", summary_label(profile, "themes")});
  form.tables.push_back(std::move(summary));

  // Prose sections: consecutive ones share a table; a group opens its own, under its heading.
  // Its index, not a pointer: the vector grows.
  constexpr size_t kNone = static_cast<size_t>(-1);
  size_t prose = kNone;
  for (const ProfileSection& s : profile.sections) {
    switch (s.kind) {
      case SectionKind::Group:
        form.tables.push_back({FormTableKind::Fields, s.heading, {}, 0});
        prose = form.tables.size() - 1;
        break;
      case SectionKind::Prose:
        if (prose == kNone || (s.level == 2 && form.tables[prose].heading != "template.description")) {
          form.tables.push_back({FormTableKind::Fields, "template.description", {}, 0});
          prose = form.tables.size() - 1;
        }
        form.tables[prose].fields.push_back({"prose:" + s.id, s.heading});
        break;
      case SectionKind::Lead:  // the summary's lead row
        break;
      case SectionKind::Values: {
        FormTable t{FormTableKind::Fields, s.heading, {}, 0};
        for (const auto& c : s.choices) t.fields.push_back({"value:" + c.kind, c.heading});
        form.tables.push_back(std::move(t));
        prose = kNone;
        break;
      }
      case SectionKind::Alignment: {
        FormTable t{FormTableKind::Fields, s.heading, {}, 0};
        for (const auto& c : s.choices) t.fields.push_back({"align:" + c.kind, c.heading});
        form.tables.push_back(std::move(t));
        prose = kNone;
        break;
      }
      case SectionKind::Additional: {
        FormTable t{FormTableKind::Fields, s.heading, {}, 0};
        for (const auto& part : s.parts) t.fields.push_back({part.kind, part.heading});
        form.tables.push_back(std::move(t));
        prose = kNone;
        break;
      }
      case SectionKind::Milestones: {
        FormTable t{FormTableKind::Milestones, s.heading, {}, s.max_rows.value_or(5)};
        for (const auto& c : s.columns)
          if (c.field != MilestoneField::Number) t.fields.push_back({column_field(c.field), c.label});
        form.tables.push_back(std::move(t));
        prose = kNone;
        break;
      }
      case SectionKind::Contacts:
        form.tables.push_back({FormTableKind::Contacts,
                               s.heading,
                               {{"organisation", "contacts.organisation"},
                                {"name", "contacts.name"},
                                {"position", "contacts.position"},
                                {"email", "contacts.email"},
                                {"phone", "contacts.phone"}},
                               2});
        prose = kNone;
        break;
    }
  }
  return form;
}

std::optional<std::string> label_text(const Catalogue& catalogue, const std::string& key) {
  const std::string* pattern = catalogue.find(key);
  if (!pattern) return std::nullopt;
  FormattedMessage m = format_message(*pattern, catalogue.lang(), {});
  if (m.status != FormattedMessage::Status::Ok) return std::nullopt;
  return std::move(m.text);
}

}  // namespace renaksi::docx_import
