// The tagged PDF's logical structure.
#include "emit/pdf/structure_tree.h"

#include <hpdf_doc.h>

#include <algorithm>

#include "text/language_tag.h"

namespace renaksi::pdf {

namespace {

// libharu refuses arrays of more than HPDF_LIMIT_MAX_ARRAY items: an element with more kids holds
// them in /Div elements of at most this many each; a parent-tree node holds at most this many
// entries (or kids), so the tree stays shallow and every array small.
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

StructureTree::StructureTree(const std::vector<layout::Element>& elements, const std::string& lang)
    : elements_(elements), doc_lang_(is_language_tag(lang) ? lang : std::string()) {
  if (elements_.empty() || elements_.front().tag != layout::Tag::Document)
    elements_.insert(elements_.begin(), layout::Element{layout::Tag::Document, -1, {}, false});
  lang_.resize(elements_.size());
  for (size_t i = 0; i < elements_.size(); ++i) {
    auto& e = elements_[i];
    if (i == 0) {
      e.parent = -1;
    } else if (e.parent < 0 || static_cast<size_t>(e.parent) >= i) {
      e.parent = 0;
    }
    if (!is_language_tag(e.lang)) e.lang.clear();
    lang_[i] = !e.lang.empty() ? e.lang : i == 0 ? doc_lang_ : lang_[static_cast<size_t>(e.parent)];
  }
  kids_.resize(elements_.size());
  listed_.assign(elements_.size(), false);
  listed_[0] = true;
}

void StructureTree::begin_page() { page_mcids_.emplace_back(); }

const std::string& StructureTree::lang_of(int elem) const {
  static const std::string none;
  return valid(elem) ? lang_[static_cast<size_t>(elem)] : none;
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
    kids_[static_cast<size_t>(elements_[e].parent)].push_back({Kid::Kind::Element, *it, 0, -1, nullptr});
  }
}

std::string StructureTree::open(int elem) {
  if (!valid(elem) || elem == 0 || page_mcids_.empty()) return "/Artifact BMC\n";
  list(elem);
  const size_t page = page_mcids_.size() - 1;
  const int mcid = static_cast<int>(page_mcids_.back().size());
  page_mcids_.back().push_back(elem);
  kids_[static_cast<size_t>(elem)].push_back({Kid::Kind::Text, -1, page, mcid, nullptr});
  return std::string("/") + tag_name(elements_[static_cast<size_t>(elem)].tag) + " <</MCID " + std::to_string(mcid) + ">> BDC\n";
}

void StructureTree::annotation(int elem, size_t page, HPDF_Annotation annot) {
  if (!valid(elem) || elem == 0 || !annot) return;
  list(elem);
  kids_[static_cast<size_t>(elem)].push_back({Kid::Kind::Annotation, -1, page, -1, annot});
}

HPDF_STATUS StructureTree::write(HPDF_Doc pdf, const std::vector<HPDF_Page>& pages) {
  Status ok;
  HPDF_MMgr mmgr = pdf->mmgr;
  auto indirect = [&]() -> HPDF_Dict {
    HPDF_Dict d = HPDF_Dict_New(mmgr);
    if (!d) {
      ok(HPDF_FAILD_TO_ALLOC_MEM);
      return nullptr;
    }
    if (!ok(HPDF_Xref_Add(pdf->xref, d))) return nullptr;  // the xref owns it, even on failure
    return d;
  };
  auto direct = [&]() -> HPDF_Dict {
    HPDF_Dict d = HPDF_Dict_New(mmgr);
    if (!d) ok(HPDF_FAILD_TO_ALLOC_MEM);
    return d;
  };
  auto array = [&]() -> HPDF_Array {
    HPDF_Array a = HPDF_Array_New(mmgr);
    if (!a) ok(HPDF_FAILD_TO_ALLOC_MEM);
    return a;
  };

  HPDF_Dict root = indirect();
  if (!root) return ok.first;
  ok(HPDF_Dict_AddName(root, "Type", "StructTreeRoot"));

  // The parent tree's values: for each page, the element holding each of its MCIDs; for each
  // annotation, its element.
  std::vector<std::vector<HPDF_Dict>> page_owner(page_mcids_.size());
  for (size_t p = 0; p < page_mcids_.size(); ++p) page_owner[p].assign(page_mcids_[p].size(), nullptr);
  std::vector<std::pair<HPDF_Annotation, HPDF_Dict>> annot_owner;

  // The elements' dictionaries, parents before children (the layout's order).
  std::vector<HPDF_Dict> dict(elements_.size(), nullptr);
  for (size_t i = 0; i < elements_.size() && ok.first == HPDF_OK; ++i) {
    if (!listed_[i]) continue;
    const auto& e = elements_[i];
    HPDF_Dict d = indirect();
    if (!d) break;
    dict[i] = d;  // no /Type: it is optional, and there are thousands
    ok(HPDF_Dict_AddName(d, "S", tag_name(e.tag)));
    const std::string& above = i == 0 ? doc_lang_ : lang_[static_cast<size_t>(e.parent)];
    if (!lang_[i].empty() && lang_[i] != above) {
      HPDF_String lang = HPDF_String_New(mmgr, lang_[i].c_str(), nullptr);
      if (!lang) ok(HPDF_FAILD_TO_ALLOC_MEM);
      else ok(HPDF_Dict_Add(d, "Lang", lang));
    }
    if (e.tag == layout::Tag::TH) {
      HPDF_Dict attrs = direct();
      if (!attrs) break;
      ok(HPDF_Dict_Add(d, "A", attrs));
      ok(HPDF_Dict_AddName(attrs, "O", "Table"));
      ok(HPDF_Dict_AddName(attrs, "Scope", e.row_header ? "Row" : "Column"));
    }
  }
  if (ok.first != HPDF_OK) return ok.first;
  ok(HPDF_Dict_Add(dict[0], "P", root));
  ok(HPDF_Dict_Add(root, "K", dict[0]));

  // Each element's kids, in reading order; more than kMaxKids go in /Div elements of that many.
  auto fill = [&](HPDF_Dict owner, const std::vector<Kid>& kids, size_t from, size_t to) {
    HPDF_Array k = array();
    if (!k) return;
    ok(HPDF_Dict_Add(owner, "K", k));
    // The owner's page: its first text's; text on another page names its page.
    size_t own_page = pages.size();
    for (size_t j = from; j < to && own_page == pages.size(); ++j)
      if (kids[j].kind == Kid::Kind::Text && kids[j].page < pages.size()) own_page = kids[j].page;
    if (own_page < pages.size()) ok(HPDF_Dict_Add(owner, "Pg", pages[own_page]));
    for (size_t j = from; j < to && ok.first == HPDF_OK; ++j) {
      const Kid& kid = kids[j];
      switch (kid.kind) {
        case Kid::Kind::Element: {
          HPDF_Dict child = dict[static_cast<size_t>(kid.elem)];
          ok(HPDF_Dict_Add(child, "P", owner));
          ok(HPDF_Array_Add(k, child));
          break;
        }
        case Kid::Kind::Text: {
          if (kid.page >= pages.size()) break;
          page_owner[kid.page][static_cast<size_t>(kid.mcid)] = owner;
          if (kid.page == own_page) {
            ok(HPDF_Array_AddNumber(k, kid.mcid));
            break;
          }
          HPDF_Dict mcr = direct();
          if (!mcr) return;
          ok(HPDF_Array_Add(k, mcr));
          ok(HPDF_Dict_AddName(mcr, "Type", "MCR"));
          ok(HPDF_Dict_Add(mcr, "Pg", pages[kid.page]));
          ok(HPDF_Dict_AddNumber(mcr, "MCID", kid.mcid));
          break;
        }
        case Kid::Kind::Annotation: {
          if (kid.page >= pages.size()) break;
          HPDF_Dict objr = direct();
          if (!objr) return;
          ok(HPDF_Array_Add(k, objr));
          ok(HPDF_Dict_AddName(objr, "Type", "OBJR"));
          ok(HPDF_Dict_Add(objr, "Pg", pages[kid.page]));
          ok(HPDF_Dict_Add(objr, "Obj", kid.annot));
          annot_owner.emplace_back(kid.annot, owner);
          break;
        }
      }
    }
  };
  for (size_t i = 0; i < elements_.size() && ok.first == HPDF_OK; ++i) {
    if (!dict[i]) continue;
    const auto& kids = kids_[i];
    if (kids.size() <= kMaxKids) {
      fill(dict[i], kids, 0, kids.size());
      continue;
    }
    HPDF_Array k = array();
    if (!k) break;
    ok(HPDF_Dict_Add(dict[i], "K", k));
    for (size_t from = 0; from < kids.size() && ok.first == HPDF_OK; from += kMaxKids) {
      HPDF_Dict div = indirect();
      if (!div) break;
      ok(HPDF_Dict_AddName(div, "S", "Div"));
      ok(HPDF_Dict_Add(div, "P", dict[i]));
      ok(HPDF_Array_Add(k, div));
      fill(div, kids, from, std::min(kids.size(), from + kMaxKids));
    }
  }
  if (ok.first != HPDF_OK) return ok.first;

  // The parent tree: a number tree keyed by each page's /StructParents (its index) and each
  // annotation's /StructParent (after the pages), in leaves of kMaxNumsPerNode entries.
  struct Node {
    HPDF_Dict dict;
    int low, high;
  };
  std::vector<Node> level;
  HPDF_Dict leaf = nullptr;
  HPDF_Array nums = nullptr;
  size_t in_leaf = 0;
  auto entry = [&](int key) -> bool {
    if (!leaf || in_leaf == kMaxNumsPerNode) {
      leaf = indirect();
      nums = leaf ? array() : nullptr;
      if (!nums) return false;
      ok(HPDF_Dict_Add(leaf, "Nums", nums));
      level.push_back({leaf, key, key});
      in_leaf = 0;
    }
    ++in_leaf;
    level.back().high = key;
    return ok(HPDF_Array_AddNumber(nums, key));
  };
  for (size_t p = 0; p < pages.size() && ok.first == HPDF_OK; ++p) {
    const int key = static_cast<int>(p);
    if (!entry(key)) break;
    HPDF_Array owners = array();
    if (!owners) break;
    ok(HPDF_Array_Add(nums, owners));
    if (p < page_owner.size())
      for (HPDF_Dict o : page_owner[p]) ok(HPDF_Array_Add(owners, o ? o : dict[0]));
    ok(HPDF_Dict_AddNumber(pages[p], "StructParents", key));
  }
  for (size_t a = 0; a < annot_owner.size() && ok.first == HPDF_OK; ++a) {
    const int key = static_cast<int>(pages.size() + a);
    if (!entry(key)) break;
    ok(HPDF_Array_Add(nums, annot_owner[a].second));
    ok(HPDF_Dict_AddNumber(annot_owner[a].first, "StructParent", key));
  }
  if (ok.first != HPDF_OK) return ok.first;
  const int next_key = static_cast<int>(pages.size() + annot_owner.size());
  HPDF_Dict tree = nullptr;
  if (level.size() == 1) {
    tree = level.front().dict;  // a single node: the root, which has no /Limits
  } else {
    auto limits = [&](const Node& n) {
      HPDF_Array l = array();
      if (!l) return;
      ok(HPDF_Dict_Add(n.dict, "Limits", l));
      ok(HPDF_Array_AddNumber(l, n.low));
      ok(HPDF_Array_AddNumber(l, n.high));
    };
    // Intermediate levels until one node's kids can hold the rest.
    while (level.size() > kMaxNumsPerNode && ok.first == HPDF_OK) {
      std::vector<Node> up;
      for (size_t j = 0; j < level.size() && ok.first == HPDF_OK; j += kMaxNumsPerNode) {
        HPDF_Dict n = indirect();
        HPDF_Array kids = n ? array() : nullptr;
        if (!kids) break;
        ok(HPDF_Dict_Add(n, "Kids", kids));
        const size_t end = std::min(level.size(), j + kMaxNumsPerNode);
        for (size_t m = j; m < end; ++m) {
          limits(level[m]);
          ok(HPDF_Array_Add(kids, level[m].dict));
        }
        up.push_back({n, level[j].low, level[end - 1].high});
      }
      level = std::move(up);
    }
    tree = indirect();
    HPDF_Array kids = tree ? array() : nullptr;
    if (!kids) return ok.first;
    ok(HPDF_Dict_Add(tree, "Kids", kids));
    for (const Node& n : level) {
      limits(n);
      ok(HPDF_Array_Add(kids, n.dict));
    }
  }
  if (!tree || ok.first != HPDF_OK) return ok.first == HPDF_OK ? HPDF_INVALID_OBJECT : ok.first;
  ok(HPDF_Dict_Add(root, "ParentTree", tree));
  ok(HPDF_Dict_AddNumber(root, "ParentTreeNextKey", next_key));

  // The catalogue: the tree, "this is tagged", and the title (not the file name) in the window.
  ok(HPDF_Dict_Add(pdf->catalog, "StructTreeRoot", root));
  HPDF_Dict mark_info = direct();
  if (!mark_info) return ok.first;
  ok(HPDF_Dict_Add(pdf->catalog, "MarkInfo", mark_info));
  ok(HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE));
  HPDF_Dict prefs = direct();
  if (!prefs) return ok.first;
  ok(HPDF_Dict_Add(pdf->catalog, "ViewerPreferences", prefs));
  ok(HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE));
  return ok.first;
}

}  // namespace renaksi::pdf
