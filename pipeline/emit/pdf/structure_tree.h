// The tagged PDF's logical structure (PDF 32000-1, 14.7–14.8): the marked-content operators that
// tie each piece of drawn text to its structure element, then the structure tree, its parent tree
// and the catalogue's entries: libharu has no API for them, and the tree's objects are written as
// text into the file libharu saved.
#pragma once

#include <hpdf.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "layout/page.h"

namespace renaksi::pdf {

// The structure type's name: "P", "H1", "TD"…
const char* tag_name(layout::Tag tag);

class StructureTree {
 public:
  // `elements`: the layout's tree ([0] the Document; an element whose parent is not before it
  // hangs from the Document), their languages named in `langs`, which must outlive the tree.
  // `lang`: the document's language (the catalogue's /Lang).
  StructureTree(std::vector<layout::Element> elements, const layout::Languages& langs, const std::string& lang);

  // The next page drawn (pages are drawn in order, each once).
  void begin_page();
  // The operator opening a marked-content sequence for `elem` on the current page:
  // "/P <</MCID 3>> BDC\n" with the page's next MCID, or "/Artifact BMC\n" when `elem` is no
  // element (-1: running heads, footers, the draft mark).
  std::string open(int elem);
  // The language `elem`'s text is read in: its own, an ancestor's, or the document's; empty for
  // an artifact.
  const std::string& lang_of(int elem) const;
  // The link annotation of the /Link element `elem`, on the `page`-th page (0-based).
  void annotation(int elem, size_t page, HPDF_Annotation annot);

  // Before libharu saves the document: each page's /StructParents, each link's /StructParent, and
  // the catalogue's /MarkInfo, /ViewerPreferences (DisplayDocTitle) and /StructTreeRoot, for now
  // an empty object that `splice` fills. `pages`: the document's pages, in order. The first
  // failing status, or HPDF_OK.
  HPDF_STATUS prepare(HPDF_Doc pdf, const std::vector<HPDF_Page>& pages);
  // After it saved: the structure tree's elements and its parent tree written into `file` (the
  // bytes libharu saved) as objects of their own after libharu's, the tree's root in place of the
  // empty object, and the cross-reference table and trailer written again to match. False, and
  // `file` unchanged, when the file is not laid out as libharu writes one.
  //
  // Written as text rather than with libharu's object layer, which holds every dictionary entry in
  // a record of about 140 bytes until the document is freed: a 240-commitment bilingual edition
  // has some 94,000 elements, and its tree took 133 MiB there against 7.7 MiB of text here.
  bool splice(std::string& file) const;

 private:
  // What an element holds, in reading order: a child element, its text on a page (a marked-content
  // sequence), or a link annotation.
  // (20 bytes: a long edition has a few hundred thousand.)
  struct Kid {
    enum class Kind : uint8_t { Element, Text, Annotation } kind = Kind::Element;
    int elem = -1;       // Element: the child
    uint32_t page = 0;   // Text, Annotation (an edition has at most limits::kMaxPagesPerEdition)
    int mcid = -1;       // Text
    uint32_t annot = 0;  // Annotation: its index among the links (annots_)
  };
  // Lists `elem` in its parent's kids, and its parent in the grandparent's…, the first time its
  // text (or a descendant's) is met: children are read in the order their text is drawn.
  void list(int elem);
  bool valid(int elem) const { return elem >= 0 && static_cast<size_t>(elem) < elements_.size(); }

  std::vector<layout::Element> elements_;
  std::vector<const std::string*> lang_;  // the effective language of each element: its own, an ancestor's or doc_lang_
  std::vector<bool> own_lang_;             // whether an element names a language of its own
  std::string doc_lang_;
  std::vector<std::vector<Kid>> kids_;
  std::vector<bool> listed_;
  std::vector<std::vector<int>> page_mcids_;  // per page, the element of each MCID
  std::vector<HPDF_Annotation> annot_dicts_;  // each link annotation, until prepare gives it its /StructParent
  std::vector<uint32_t> annots_;  // each link annotation's object number (set by prepare), keyed after the pages
  std::vector<uint32_t> pages_;   // each page's object number (set by prepare)
  uint32_t root_ = 0;             // the /StructTreeRoot's object number (set by prepare)
};

}  // namespace renaksi::pdf
