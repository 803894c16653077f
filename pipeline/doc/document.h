// The composed document: what one edition of a plan shows, presentation-neutral, with every
// date, number and label already formatted for its language(s). PDF and HTML both render it.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "doc/prose_ast.h"

namespace renaksi::doc {

// A label and its value, as in a commitment's metadata block.
struct FieldRow {
  std::string label;
  prose::Inlines value;
};

struct Table {
  std::string kind;                  // "milestones", "events", "contacts": layouts style by kind
  std::vector<std::string> header;   // column labels
  std::vector<std::vector<prose::Inlines>> rows;
};

// One language's version of a block.
struct Part {
  std::string lang;
  prose::Inlines text;               // Heading, Paragraph
  prose::Blocks prose;               // Prose
  std::vector<FieldRow> fields;      // Fields
  Table table;                       // Table
};

// A block of the document with one Part per language of the edition: a bilingual layout sets
// the parts side by side, each beside its counterpart.
struct Block {
  enum class Kind { Heading, Paragraph, Prose, Fields, Table };
  Kind kind = Kind::Paragraph;
  int level = 0;        // Heading: 2 = a section (A–G), 3 = a subsection
  std::string anchor;   // stable id for links and bookmarks; empty when not a target
  std::vector<Part> parts;
};

struct Chapter {
  enum class Kind { Foreword, Cocreation, Commitment, Index };
  Kind kind = Kind::Foreword;
  std::string anchor;                 // "foreword", "cocreation", "commitment-10", "index"
  int commitment_number = 0;          // for commitment chapters
  std::vector<Part> title;            // Part::text holds the title in each language
  std::vector<Block> blocks;
};

// The cover and running texts of one language.
struct Front {
  std::string lang;
  std::string title;
  std::string subtitle;
  std::string plan_line;      // "Indonesia's 5th national action plan"
  std::string period;         // "1 September 2018 – 31 Desember 2020"
  std::string stage;          // "Tahap: Final"
  std::string issuer;         // "Diterbitkan oleh Sekretariat Nasional Open Government Indonesia"
  std::string commitments;    // "14 komitmen"
  std::string edition;        // "Edisi bahasa Indonesia", "Bilingual edition"
  std::string toc_title;      // "Daftar Isi"
  std::string draft_mark;     // "DRAF 2"; empty at Final
  std::string keywords;       // for document information
  std::function<std::string(int page, int pages)> page_label;  // "Halaman 3 dari 40"
};

struct Document {
  std::string plan_id;
  std::string edition;              // a language code, or "bilingual"
  std::vector<std::string> langs;   // the edition's languages, in column order
  bool final_stage = true;
  std::string issuer_name;          // document author, in the first language
  std::vector<Front> front;         // one per language
  std::vector<Chapter> chapters;

  const Front& front_for(const std::string& lang) const;
};

// A stable text form of the document, for golden tests and `renaksi build --dump=document`.
std::string dump(const Document& doc);

}  // namespace renaksi::doc
