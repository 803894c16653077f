// The tagged PDF's logical structure.
#include "emit/pdf/structure_tree.h"

#include <hpdf_doc.h>

#include <algorithm>
#include <map>
#include <optional>

#include "emit/pdf/object_text.h"
#include "text/language_tag.h"

namespace renaksi::pdf {

namespace {

// Readers are sure to take arrays of up to 8,191 items (PDF 32000-1, Annex C): an element with
// more kids than this holds them in /Div elements of at most this many each; a parent-tree node
// holds at most kMaxNumsPerNode entries (or kids), so the tree stays shallow and every array small.
constexpr size_t kMaxKids = 4096;
constexpr size_t kMaxNumsPerNode = 256;

// Collects the first failing status.
struct Status {
  HPDF_STATUS first = HPDF_OK;
  bool operator()(HPDF_STATUS st) {
    if (st != HPDF_OK && first == HPDF_OK) first = st;
    return st == HPDF_OK;
  }
};

// The number libharu gave an object it keeps in its cross-reference table (when it made it).
uint32_t object_number(const void* obj) {
  return static_cast<const HPDF_Obj_Header*>(obj)->obj_id & 0x00FFFFFFu;
}

}  // namespace

const char* tag_name(layout::Tag tag) {
  using T = layout::Tag;
  switch (tag) {
    case T::Document: return "Document";
    case T::Part: return "Part";
    case T::Sect: return "Sect";
    case T::Div: return "Div";
    case T::H1: return "H1";
    case T::H2: return "H2";
    case T::H3: return "H3";
    case T::H4: return "H4";
    case T::H5: return "H5";
    case T::H6: return "H6";
    case T::P: return "P";
    case T::L: return "L";
    case T::LI: return "LI";
    case T::Lbl: return "Lbl";
    case T::LBody: return "LBody";
    case T::Table: return "Table";
    case T::TR: return "TR";
    case T::TH: return "TH";
    case T::TD: return "TD";
    case T::Link: return "Link";
    case T::TOC: return "TOC";
    case T::TOCI: return "TOCI";
    case T::BlockQuote: return "BlockQuote";
    case T::Note: return "Note";
  }
  return "Span";
}

StructureTree::StructureTree(std::vector<layout::Element> elements, const layout::Languages& langs, const std::string& lang)
    : elements_(std::move(elements)), doc_lang_(is_language_tag(lang) ? lang : std::string()) {
  if (elements_.empty() || elements_.front().tag != layout::Tag::Document)
    elements_.insert(elements_.begin(), layout::Element{layout::Tag::Document, -1});
  lang_.resize(elements_.size());
  own_lang_.assign(elements_.size(), false);
  std::map<uint16_t, bool> usable;  // each language named, once: a tag the PDF may hold
  for (size_t i = 0; i < elements_.size(); ++i) {
    auto& e = elements_[i];
    if (i == 0) {
      e.parent = -1;
    } else if (e.parent < 0 || static_cast<size_t>(e.parent) >= i) {
      e.parent = 0;
    }
    if (e.lang != 0) {
      auto [it, added] = usable.try_emplace(e.lang, false);
      if (added) it->second = is_language_tag(langs[e.lang]);
      own_lang_[i] = it->second;
    }
    // (Pointers into `langs` and doc_lang_, neither of which changes while the tree lives.)
    lang_[i] = own_lang_[i] ? &langs[e.lang] : i == 0 ? &doc_lang_ : lang_[static_cast<size_t>(e.parent)];
  }
  kids_.resize(elements_.size());
  listed_.assign(elements_.size(), false);
  listed_[0] = true;
}

void StructureTree::begin_page() { page_mcids_.emplace_back(); }

const std::string& StructureTree::lang_of(int elem) const {
  static const std::string none;
  return valid(elem) ? *lang_[static_cast<size_t>(elem)] : none;
}

void StructureTree::list(int elem) {
  // Up to the first ancestor already listed; then down again, each listed in its parent. The
  // path is at most as long as the tree is deep.
  std::vector<int> path;
  for (int e = elem; valid(e) && !listed_[static_cast<size_t>(e)]; e = elements_[static_cast<size_t>(e)].parent)
    path.push_back(e);
  for (auto it = path.rbegin(); it != path.rend(); ++it) {
    const auto e = static_cast<size_t>(*it);
    listed_[e] = true;
    kids_[static_cast<size_t>(elements_[e].parent)].push_back({Kid::Kind::Element, *it, 0, -1, 0});
  }
}

std::string StructureTree::open(int elem) {
  if (!valid(elem) || elem == 0 || page_mcids_.empty()) return "/Artifact BMC\n";
  list(elem);
  const size_t page = page_mcids_.size() - 1;
  const int mcid = static_cast<int>(page_mcids_.back().size());
  page_mcids_.back().push_back(elem);
  kids_[static_cast<size_t>(elem)].push_back({Kid::Kind::Text, -1, static_cast<uint32_t>(page), mcid, 0});
  return std::string("/") + tag_name(elements_[static_cast<size_t>(elem)].tag) + " <</MCID " + std::to_string(mcid) + ">> BDC\n";
}

void StructureTree::annotation(int elem, size_t page, HPDF_Annotation annot) {
  if (!valid(elem) || elem == 0 || !annot) return;
  list(elem);
  kids_[static_cast<size_t>(elem)].push_back(
      {Kid::Kind::Annotation, -1, static_cast<uint32_t>(page), -1, static_cast<uint32_t>(annot_dicts_.size())});
  annot_dicts_.push_back(annot);
}

HPDF_STATUS StructureTree::prepare(HPDF_Doc pdf, const std::vector<HPDF_Page>& pages) {
  Status ok;
  pages_.clear();
  for (size_t p = 0; p < pages.size(); ++p) {
    pages_.push_back(object_number(pages[p]));
    ok(HPDF_Dict_AddNumber(pages[p], "StructParents", static_cast<HPDF_INT32>(p)));
  }
  // Each link's key in the parent tree, after the pages'; its number kept for `splice`, which
  // runs once libharu's document (and so the annotation) is freed.
  annots_.clear();
  for (size_t a = 0; a < annot_dicts_.size() && ok.first == HPDF_OK; ++a) {
    annots_.push_back(object_number(annot_dicts_[a]));
    ok(HPDF_Dict_AddNumber(annot_dicts_[a], "StructParent", static_cast<HPDF_INT32>(pages.size() + a)));
  }
  annot_dicts_.clear();
  // The root, empty until `splice`: an indirect object so the catalogue can name it.
  HPDF_Dict root = HPDF_Dict_New(pdf->mmgr);
  if (!root) return HPDF_FAILD_TO_ALLOC_MEM;
  if (!ok(HPDF_Xref_Add(pdf->xref, root))) return ok.first;  // the xref owns it, even on failure
  root_ = object_number(root);
  ok(HPDF_Dict_Add(pdf->catalog, "StructTreeRoot", root));
  // "This is tagged", and the title (not the file name) in the window.
  HPDF_Dict mark_info = HPDF_Dict_New(pdf->mmgr);
  if (!mark_info) return HPDF_FAILD_TO_ALLOC_MEM;
  ok(HPDF_Dict_Add(pdf->catalog, "MarkInfo", mark_info));
  ok(HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE));
  HPDF_Dict prefs = HPDF_Dict_New(pdf->mmgr);
  if (!prefs) return HPDF_FAILD_TO_ALLOC_MEM;
  ok(HPDF_Dict_Add(pdf->catalog, "ViewerPreferences", prefs));
  ok(HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE));
  return ok.first;
}

bool StructureTree::splice(std::string& file) const {
  if (root_ == 0 || pages_.empty()) return false;
  const std::optional<SavedFile> saved = SavedFile::read(file);
  if (!saved || root_ >= saved->offsets.size()) return false;
  const size_t root_at = saved->offsets[root_];
  const std::string placeholder = std::to_string(root_) + " 0 obj";
  if (file.compare(root_at, placeholder.size(), placeholder) != 0) return false;

  // Object numbers, after libharu's: each element the tree shows (in the layout's order, parents
  // before children), then the /Div elements holding the kids of an element that has more than
  // kMaxKids, then the parent tree's nodes.
  uint32_t next = static_cast<uint32_t>(saved->offsets.size());
  std::vector<uint32_t> number(elements_.size(), 0);
  for (size_t i = 0; i < elements_.size(); ++i)
    if (listed_[i]) number[i] = next++;
  std::vector<uint32_t> first_div(elements_.size(), 0);
  for (size_t i = 0; i < elements_.size(); ++i)
    if (number[i] && kids_[i].size() > kMaxKids) {
      first_div[i] = next;
      next += static_cast<uint32_t>((kids_[i].size() + kMaxKids - 1) / kMaxKids);
    }
  // The object holding each kid: its element, or the /Div holding it.
  auto holder = [&](size_t i, size_t j) { return first_div[i] ? first_div[i] + static_cast<uint32_t>(j / kMaxKids) : number[i]; };
  std::vector<uint32_t> parent_of(elements_.size(), 0);              // an element's /P
  std::vector<std::vector<uint32_t>> page_owner(pages_.size());      // the holder of each MCID
  for (size_t p = 0; p < pages_.size(); ++p)
    page_owner[p].assign(p < page_mcids_.size() ? page_mcids_[p].size() : 0, number[0]);
  std::vector<uint32_t> annot_owner(annots_.size(), number[0]);
  for (size_t i = 0; i < elements_.size(); ++i) {
    if (!number[i]) continue;
    for (size_t j = 0; j < kids_[i].size(); ++j) {
      const Kid& kid = kids_[i][j];
      if (kid.kind == Kid::Kind::Element) parent_of[static_cast<size_t>(kid.elem)] = holder(i, j);
      else if (kid.kind == Kid::Kind::Text && kid.page < page_owner.size() && static_cast<size_t>(kid.mcid) < page_owner[kid.page].size())
        page_owner[kid.page][static_cast<size_t>(kid.mcid)] = holder(i, j);
      else if (kid.kind == Kid::Kind::Annotation && kid.annot < annot_owner.size()) annot_owner[kid.annot] = holder(i, j);
    }
  }

  ObjectText out(static_cast<uint32_t>(saved->offsets.size()));
  auto ref = [](std::string& s, uint32_t n) { s += std::to_string(n); s += " 0 R"; };
  // A run of kids: /Pg names the page of its first text, and text on another page names its own.
  auto kids_of = [&](std::string& s, const std::vector<Kid>& kids, size_t from, size_t to) {
    size_t own_page = pages_.size();
    for (size_t j = from; j < to && own_page == pages_.size(); ++j)
      if (kids[j].kind == Kid::Kind::Text && kids[j].page < pages_.size()) own_page = kids[j].page;
    if (own_page < pages_.size()) {
      s += " /Pg ";
      ref(s, pages_[own_page]);
    }
    s += " /K [";
    for (size_t j = from; j < to; ++j) {
      const Kid& kid = kids[j];
      if (kid.kind != Kid::Kind::Element && kid.page >= pages_.size()) continue;
      if (kid.kind == Kid::Kind::Annotation && kid.annot >= annots_.size()) continue;
      if (j > from) s += ' ';
      switch (kid.kind) {
        case Kid::Kind::Element: ref(s, number[static_cast<size_t>(kid.elem)]); break;
        case Kid::Kind::Text:
          if (kid.page == own_page) {
            s += std::to_string(kid.mcid);
          } else {
            s += "<</Type /MCR /Pg ";
            ref(s, pages_[kid.page]);
            s += " /MCID " + std::to_string(kid.mcid) + ">>";
          }
          break;
        case Kid::Kind::Annotation:
          s += "<</Type /OBJR /Pg ";
          ref(s, pages_[kid.page]);
          s += " /Obj ";
          ref(s, annots_[kid.annot]);
          s += ">>";
          break;
      }
    }
    s += ']';
  };

  // The elements: no /Type (it is optional, and there are thousands).
  for (size_t i = 0; i < elements_.size(); ++i) {
    if (!number[i]) continue;
    std::string& s = out.begin(number[i]);
    s += "<</S /";
    s += tag_name(elements_[i].tag);
    s += " /P ";
    ref(s, i == 0 ? root_ : parent_of[i]);
    const std::string& own = *lang_[i];
    const std::string& above = i == 0 ? doc_lang_ : *lang_[static_cast<size_t>(elements_[i].parent)];
    if (!own.empty() && own != above) s += " /Lang (" + own + ")";  // a language tag: no ( ) or backslash
    if (elements_[i].tag == layout::Tag::TH) s += elements_[i].row_header ? " /A <</O /Table /Scope /Row>>" : " /A <</O /Table /Scope /Column>>";
    if (first_div[i]) {
      s += " /K [";
      for (size_t from = 0; from < kids_[i].size(); from += kMaxKids) {
        if (from) s += ' ';
        ref(s, holder(i, from));
      }
      s += ']';
    } else {
      kids_of(s, kids_[i], 0, kids_[i].size());
    }
    s += ">>";
    out.end();
  }
  for (size_t i = 0; i < elements_.size(); ++i) {
    if (!first_div[i]) continue;
    for (size_t from = 0; from < kids_[i].size(); from += kMaxKids) {
      std::string& s = out.begin(holder(i, from));
      s += "<</S /Div /P ";
      ref(s, number[i]);
      kids_of(s, kids_[i], from, std::min(kids_[i].size(), from + kMaxKids));
      s += ">>";
      out.end();
    }
  }

  // The parent tree: a number tree keyed by each page's /StructParents (its index) and each
  // link's /StructParent (after the pages), in leaves of kMaxNumsPerNode entries, then levels of
  // nodes of as many kids until one node holds the rest.
  const size_t keys = pages_.size() + annots_.size();
  struct Node {
    uint32_t number;
    size_t low, high;
  };
  std::vector<Node> level;
  const bool one_node = keys <= kMaxNumsPerNode;
  auto limits = [](std::string& s, size_t low, size_t high) {
    s += " /Limits [" + std::to_string(low) + ' ' + std::to_string(high) + ']';
  };
  for (size_t from = 0; from < keys; from += kMaxNumsPerNode) {
    const size_t to = std::min(keys, from + kMaxNumsPerNode);
    const uint32_t n = out.next();
    std::string& s = out.begin(n);
    s += "<</Nums [";
    for (size_t key = from; key < to; ++key) {
      if (key > from) s += ' ';
      s += std::to_string(key);
      s += ' ';
      if (key < pages_.size()) {
        s += '[';
        for (size_t m = 0; m < page_owner[key].size(); ++m) {
          if (m) s += ' ';
          ref(s, page_owner[key][m]);
        }
        s += ']';
      } else {
        ref(s, annot_owner[key - pages_.size()]);
      }
    }
    s += ']';
    if (!one_node) limits(s, from, to - 1);
    s += ">>";
    out.end();
    level.push_back({n, from, to - 1});
  }
  auto node = [&](const std::vector<Node>& kids, size_t from, size_t to, bool top) {
    const uint32_t n = out.next();
    std::string& s = out.begin(n);
    s += "<</Kids [";
    for (size_t m = from; m < to; ++m) {
      if (m > from) s += ' ';
      ref(s, kids[m].number);
    }
    s += ']';
    if (!top) limits(s, kids[from].low, kids[to - 1].high);
    s += ">>";
    out.end();
    return Node{n, kids[from].low, kids[to - 1].high};
  };
  while (level.size() > kMaxNumsPerNode) {  // each pass divides the nodes by kMaxNumsPerNode
    std::vector<Node> up;
    for (size_t j = 0; j < level.size(); j += kMaxNumsPerNode) up.push_back(node(level, j, std::min(level.size(), j + kMaxNumsPerNode), false));
    level = std::move(up);
  }
  const uint32_t parent_tree = level.size() == 1 ? level.front().number : node(level, 0, level.size(), true).number;

  std::string root = std::to_string(root_) + " 0 obj\n<</Type /StructTreeRoot /K ";
  ref(root, number[0]);
  root += " /ParentTree ";
  ref(root, parent_tree);
  root += " /ParentTreeNextKey " + std::to_string(keys) + ">>\nendobj\n";
  return saved->rewrite(file, root_, root, out);
}

}  // namespace renaksi::pdf
