// The composed document: the contract between compose and every presentation output (PDF, DOCX,
// the site). One edition of a plan, presentation-neutral, every date, number and label already
// formatted for its language(s), every block with the place in the content it came from, and
// the plan's facts the site needs. Plain data: no callbacks, no pointers into the Plan.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "diag/source_loc.h"
#include "doc/progress_facts.h"
#include "doc/prose_ast.h"

namespace renaksi::doc {

// The version of this contract. Bumped whenever a field is added, removed or changes meaning, so
// an emitter knows which document it was written for (Document::version).
inline constexpr int kDocumentVersion = 7;

// One language's version of something. In a single-language edition of a draft whose text is
// missing in this language, compose sets `stand_in` to another language's (the administrative
// language's, or for the administrative edition the next language's) where that has one, and
// `stand_in_lang` to that language: the translation-fallback decision is made once, here.
// A text that compose writes into a sentence or a name (a title in a heading, an organisation's
// name) stands in inline instead: a prose::Inline::Kind::StandIn.
// For a table, `stand_in` is the whole administrative table when this language has no rows,
// else the same shape with only the cells that stand in for an empty cell filled.
template <class T>
struct Localized {
  std::string lang;
  T value{};
  std::optional<T> stand_in;
  SourceLoc loc;  // this language's text in the content, where it has one of its own; else empty
  std::string stand_in_lang;  // the language of `stand_in`
};

// A label and its value, as in a commitment's metadata block.
struct FieldRow {
  std::string label;
  prose::Inlines value;
};

struct FieldList {
  prose::Inlines title;        // an index entry's name; empty for a commitment's metadata
  std::vector<FieldRow> rows;
};

struct TableContent {
  std::vector<std::string> header;                // column labels
  std::vector<std::vector<prose::Inlines>> rows;  // cells
};

// The kinds of block, each with one part per language of the edition, in column order: a
// bilingual layout sets the parts side by side, each beside its counterpart.
struct Heading {
  int level = 2;  // 2 = a section (A–G), 3 = a subsection
  std::vector<Localized<prose::Inlines>> parts;
};
struct Paragraph {
  std::vector<Localized<prose::Inlines>> parts;
};
struct Prose {
  std::vector<Localized<prose::SharedBlocks>> parts;  // shared with the prose store and other editions
};
struct Fields {
  std::vector<Localized<FieldList>> parts;
};
struct Table {
  std::string kind;  // "milestones", "events", "contacts": layouts style by kind
  std::vector<Localized<TableContent>> parts;
};

// A bar chart the layout draws (a self-assessment report's commitments by completion level):
// one bar per row, its length the value's share of the largest. Its labels come from the
// catalogue, so a chart never stands in for another language's. Presentations that do not draw
// (Word, the site) show it as the table of its rows.
struct ChartBar {
  std::string id;          // what the bar counts ("complete"): a layout may style by it
  std::string label;       // "Complete"
  int value = 0;
  std::string value_text;  // the value as the part's language writes it
};
struct ChartContent {
  std::string caption;  // what the chart shows, read out in place of the picture
  std::string value_label;  // the values' column in the table form: "Commitments"
  std::vector<ChartBar> bars;
};
struct Chart {
  std::string kind;  // "completion"
  std::vector<Localized<ChartContent>> parts;
};

using BlockContent = std::variant<Heading, Paragraph, Prose, Fields, Table, Chart>;

struct Block {
  std::string anchor;  // stable id for links and bookmarks; empty when not a target
  SourceLoc loc;       // the content it came from: file, line, column
  BlockContent content;
};

struct Chapter {
  // Changes: the appendix of what changed since the plan's recorded previous draft (diff/).
  // Summary: a self-assessment report's opening (commitments by completion level).
  // Proposals: the proposals received and the decision on each (compose/record_chapters.h).
  // Consultation: the public consultation's comments and the responses (the reasoned response).
  enum class Kind { Foreword, Cocreation, Commitment, Index, Changes, Summary, Proposals, Consultation };
  Kind kind = Kind::Foreword;
  // "foreword", "cocreation", "commitment-10", "index", "changes", "summary", "proposals", "consultation"
  std::string anchor;
  int commitment_number = 0;    // for commitment chapters
  SourceLoc loc;                // the content it came from
  std::vector<Localized<prose::Inlines>> title;
  std::vector<Block> blocks;
};

// "Halaman 3 dari 40": the catalogue's pattern (ICU MessageFormat with the arguments `page` and
// `pages`) in its language; format_page_label fills it in.
struct PageLabel {
  std::string pattern;
  std::string lang;
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
  std::string untranslated;   // "[belum diterjemahkan]": the mark beside a stand-in, in this language
  // The language of the title, subtitle and issuer line when that text stands in for a missing
  // one (another language's); empty when it is this language's own.
  std::string title_lang, subtitle_lang, issuer_lang;
  std::string keywords;       // for document information
  PageLabel page_label;
};

// The page label of page `page` of `pages`, through ICU; empty when the pattern is empty or
// does not format.
std::string format_page_label(const PageLabel& label, int page, int pages);

// What the site lists about the plan, in the edition's first language (the administrative
// language's text where that one is missing, as everywhere in the site).
struct Language {
  std::string code;
  bool administrative = false;
};

struct ThemeRef {
  std::string id;
  std::string name;
};

struct CommitmentRef {
  int number = 0;
  std::string id;                   // the secretariat's stable name, unique in its plan
  std::string anchor;               // its chapter: "commitment-10"
  std::string title;
  std::vector<std::string> titles;  // its title in every language the content gives, in content order
  std::string ogp_id;               // "ID0092", or empty
  std::vector<std::string> leads;   // its lead organisations: abbreviation, else name
  std::vector<std::string> lead_anchors;  // the same organisations' index entries: "org-lkpp"
  std::vector<std::string> lead_names;    // and their names in full, as the index gives them
  std::string period;               // its period as a formatted range, or empty
  std::vector<std::string> themes;  // the ids of its themes
  // The public consultation (Draft 4, declared): the subject a comment on it carries ("RAN OGI
  // VI, Komitmen 3: …") and where it goes: a mailto: address with that subject, or the form's
  // address with it filled in; empty when the plan takes no comments.
  std::string comment_subject;
  std::string comment_href;
  std::string comment_form;   // the form's address, when comments go to a form as well as by mail
  int comments = 0;           // comments recorded on it (the Consultation chapter lists them)
};

// An organisation's place in the plan, for an index that links to the commitments.
struct Mention {
  int number = 0;     // the commitment
  std::string label;  // "10. Quality improvement …"
};
struct RoleMentions {
  std::string role;   // "Lead", "Pendukung", …
  std::vector<Mention> commitments;
};
struct OrganisationRef {
  std::string anchor;  // "org-lkpp"
  std::string name;
  std::string sector;  // its sector's label
  std::string sector_id;  // its sector's id: "cso", "local-government"
  std::string url;        // its web address as the content gives it, or empty
  std::vector<RoleMentions> roles;
};

// The public consultation a plan declares (content/<plan>/cocreation/consultation.xml).
struct ConsultationFacts {
  bool declared = false;
  bool open = false;          // the plan is at Draft 4: comments are invited
  std::string start, end;     // ISO dates
  std::string period;         // "1–15 March 2025"
  std::string deadline;       // "15 March 2025"
  std::string email;          // where comments go, or empty
  std::string form;           // the form's address as declared, or empty
  int comments = 0;           // comments recorded
};

struct Facts {
  SourceLoc loc;                        // the plan's plan.xml
  std::string stage;                    // the stage's id: "final", "draft-4"
  bool final_stage = true;
  bool consultation = false;            // Draft 4: open for public consultation
  std::string country;                  // ISO 3166 code
  int number = 0;                       // the plan's number; 0 when it has none
  std::string start, end;               // the plan's period, ISO dates
  std::vector<Language> languages;      // the plan's languages, as declared
  std::string admin_lang;               // the administrative language: where stand-ins come from
  std::string issuer_name;
  std::string issuer_url;
  std::vector<ThemeRef> themes;         // in the plan's order
  std::vector<CommitmentRef> commitments;      // in plan order
  std::vector<OrganisationRef> organisations;  // those a commitment names, in index order
  ProgressFacts progress;               // a Final plan's progress and IRM ratings; empty otherwise
  ConsultationFacts consultation_facts; // its public consultation, when it declares one
  int proposals = 0;                    // proposals on record (the Proposals chapter lists them)
};

struct Document {
  int version = kDocumentVersion;
  std::string plan_id;
  std::string edition;              // a language code, or "bilingual"
  // A self-assessment report's period id ("p2", compose/progress_report.h); empty for the
  // plan's own editions.
  std::string report_period;
  std::vector<std::string> langs;   // the edition's languages, in column order
  std::string issuer_name;          // document author, in the first language
  Facts facts;
  std::vector<Front> front;         // one per language
  std::vector<Chapter> chapters;

  bool final_stage() const { return facts.final_stage; }
  const Front& front_for(const std::string& lang) const;
  // The chapter of `kind` (and commitment `number`), or null.
  const Chapter* chapter(Chapter::Kind kind, int number = 0) const;
};

// True when the inlines show nothing (no text, only spaces and line ends).
bool is_empty(const prose::Inlines& inlines);
bool is_empty(const prose::Blocks& blocks);
bool is_empty(const FieldList& fields);
bool is_empty(const TableContent& table);
bool is_empty(const ChartContent& chart);

// A chart as the table of its rows (its caption and value label the header), for presentations
// that do not draw it.
TableContent chart_table(const ChartContent& chart);

// Plain text of inlines (prose::plain_text) with the mark of each stand-in after its text: a
// contents entry or a bookmark, where a stand-in is still to be seen for what it is.
std::string plain_text_marked(const prose::Inlines& inlines);

// A stable text form of the document, for golden tests and `renaksi build --dump=document`.
std::string dump(const Document& doc);

// The document as presentations without markup of their own for stand-ins (PDF, Word) show it:
// every part with a stand-in holds it, marked (Front::untranslated of the part's language); in an
// edition of several languages an empty part, or an empty table cell, beside a filled one holds
// the mark alone (the text is beside it; a copy would be read as a translation).
Document with_stand_ins_shown(const Document& doc);

// Whether with_stand_ins_shown(doc) differs from `doc`.
bool has_stand_ins_to_show(const Document& doc);

// What a presentation shows: `doc` itself when it has no stand-in to show, else its shown copy,
// made in `copy` (a 240-commitment edition's copy was ~16 MiB beside its layout).
const Document& shown_with_stand_ins(const Document& doc, std::optional<Document>& copy);

}  // namespace renaksi::doc
