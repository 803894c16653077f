// The commitment form of a template profile: the labelled tables a proposer fills in Word,
// shared by `renaksi template` (which writes them) and `renaksi import` (which reads them back).
// Which tables and rows there are follows the profile; every label is a catalogue key.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "locale/catalogue.h"
#include "profile/template_profile.h"

namespace renaksi::docx_import {

// A row of a label/value table, or a column of a grid table (milestones, contacts).
// `field` is what the cell fills: "title", "start", "end", "lead", "support", "other",
// "themes", "prose:<section id>", "value:<kind>", "align:<kind>", "budget", "sdgs", "notes";
// for a grid's columns "activity", "period", "start", "end", "output", "actors", "number",
// and "organisation", "name", "position", "email", "phone".
struct FormField {
  std::string field;
  std::string label;  // catalogue key
};

enum class FormTableKind { Fields, Milestones, Contacts };

struct FormTable {
  FormTableKind kind = FormTableKind::Fields;
  std::string heading;              // catalogue key of the heading above the table
  std::vector<FormField> fields;    // Fields: its rows; a grid: its columns
  int empty_rows = 0;               // a grid: how many empty rows the template offers
};

struct Form {
  std::vector<FormTable> tables;
};

// The form of `profile`: the summary (title, period, organisations, themes, as the profile's
// summary rows list them), its prose sections (a group's subsections under the group's heading),
// the value relevance, the alignment, the additional information, the milestone table (its
// columns, as many empty rows as the profile allows, else 5) and the contacts.
Form form_of(const TemplateProfile& profile);

// The text of a label: the catalogue's pattern of `key` formatted (ICU, no arguments), or none
// when the catalogue lacks it or it does not format.
std::optional<std::string> label_text(const Catalogue& catalogue, const std::string& key);

}  // namespace renaksi::docx_import
