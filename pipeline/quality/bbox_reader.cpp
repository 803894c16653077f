#include "quality/bbox_reader.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <map>

#include "xml/handles.h"
#include "xml/xml_document.h"

namespace renaksi::quality {
namespace {

// pdftotext and pdftohtml write a DOCTYPE naming a DTD; it is neither loaded nor used.
constexpr int kParseOptions = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE;

bool named(const xmlNode* n, const char* name) {
  return n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

double number_attr(const xmlNode* n, const char* name) {
  std::string v = take_xml_string(xmlGetProp(n, reinterpret_cast<const xmlChar*>(name)));
  if (v.empty()) return 0;
  char* end = nullptr;
  double d = std::strtod(v.c_str(), &end);
  return end == v.c_str() ? 0 : d;
}

Box box_of(const xmlNode* n) {
  return {number_attr(n, "xMin"), number_attr(n, "yMin"), number_attr(n, "xMax"), number_attr(n, "yMax")};
}

XmlDocPtr parse(const std::string& bytes, const char* name, int extra_options, std::string& error) {
  if (bytes.size() > static_cast<size_t>(std::numeric_limits<int>::max())) {
    error = std::string(name) + " output too large";
    return nullptr;
  }
  XmlDocPtr doc(xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), name, nullptr, kParseOptions | extra_options));
  if (!doc || !xmlDocGetRootElement(doc.get())) error = std::string("cannot parse the ") + name + " output";
  return doc;
}

// Depth-first search for the first element called `name` (bounded by the tree, which is finite).
const xmlNode* find_element(const xmlNode* n, const char* name) {
  for (; n; n = n->next) {
    if (named(n, name)) return n;
    if (const xmlNode* c = find_element(n->children, name)) return c;
  }
  return nullptr;
}

bool has_bold(const xmlNode* n) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (named(c, "b")) return true;
    if (c->type == XML_ELEMENT_NODE && has_bold(c)) return true;
  }
  return false;
}

}  // namespace

std::optional<BboxDocument> read_bbox_xhtml(const std::string& xhtml, std::string& error) {
  XmlDocPtr xml = parse(xhtml, "pdftotext", 0, error);
  if (!xml) return std::nullopt;
  const xmlNode* doc_node = find_element(xmlDocGetRootElement(xml.get()), "doc");
  if (!doc_node) {
    error = "no <doc> in the pdftotext output (was it run with -bbox-layout?)";
    return std::nullopt;
  }
  BboxDocument doc;
  for (const xmlNode* pn = doc_node->children; pn; pn = pn->next) {
    if (!named(pn, "page")) continue;
    Page page;
    page.number = static_cast<int>(doc.pages.size()) + 1;
    page.width = number_attr(pn, "width");
    page.height = number_attr(pn, "height");
    for (const xmlNode* fn = pn->children; fn; fn = fn->next) {
      if (!named(fn, "flow")) continue;
      for (const xmlNode* bn = fn->children; bn; bn = bn->next) {
        if (!named(bn, "block")) continue;
        Block block;
        block.box = box_of(bn);
        for (const xmlNode* ln = bn->children; ln; ln = ln->next) {
          if (!named(ln, "line")) continue;
          Line line;
          line.box = box_of(ln);
          for (const xmlNode* wn = ln->children; wn; wn = wn->next)
            if (named(wn, "word")) line.words.push_back({box_of(wn), node_text(wn)});
          block.lines.push_back(std::move(line));
        }
        page.blocks.push_back(std::move(block));
      }
    }
    doc.pages.push_back(std::move(page));
  }
  return doc;
}

std::vector<std::vector<FontRun>> read_font_runs(const std::string& xml_text, const std::vector<double>& page_heights,
                                                 std::string& error) {
  std::vector<std::vector<FontRun>> runs;
  // pdftohtml does not always escape what it copies from the PDF (link targets): recover.
  XmlDocPtr xml = parse(xml_text, "pdftohtml", XML_PARSE_RECOVER, error);
  if (!xml) return runs;
  const xmlNode* root = xmlDocGetRootElement(xml.get());
  std::map<std::string, double> sizes;  // fontspec id → size in pixels (ids are document-wide)
  runs.resize(page_heights.size());
  for (const xmlNode* pn = root->children; pn; pn = pn->next) {
    if (!named(pn, "page")) continue;
    const int number = static_cast<int>(number_attr(pn, "number"));
    if (number < 1 || static_cast<size_t>(number) > page_heights.size()) continue;
    const double px_height = number_attr(pn, "height");
    const double scale = px_height > 0 ? page_heights[static_cast<size_t>(number) - 1] / px_height : 1;
    for (const xmlNode* n = pn->children; n; n = n->next) {
      if (named(n, "fontspec")) {
        sizes[take_xml_string(xmlGetProp(n, reinterpret_cast<const xmlChar*>("id")))] = number_attr(n, "size");
      } else if (named(n, "text")) {
        FontRun r;
        const double top = number_attr(n, "top"), left = number_attr(n, "left");
        r.box = {left * scale, top * scale, (left + number_attr(n, "width")) * scale,
                 (top + number_attr(n, "height")) * scale};
        auto it = sizes.find(take_xml_string(xmlGetProp(n, reinterpret_cast<const xmlChar*>("font"))));
        r.size = it == sizes.end() ? 0 : it->second * scale;
        r.bold = has_bold(n);
        runs[static_cast<size_t>(number) - 1].push_back(r);
      }
    }
  }
  return runs;
}

void attach_fonts(BboxDocument& doc, const std::vector<std::vector<FontRun>>& runs) {
  for (size_t pi = 0; pi < doc.pages.size() && pi < runs.size(); ++pi)
    for (auto& block : doc.pages[pi].blocks)
      for (auto& line : block.lines) {
        double total = 0, bold = 0, size = 0;
        for (const auto& r : runs[pi]) {
          // Each one's middle inside the other's height: the same line of text.
          const double cy = (r.box.y0 + r.box.y1) / 2, ly = (line.box.y0 + line.box.y1) / 2;
          if (cy < line.box.y0 || cy > line.box.y1 || ly < r.box.y0 || ly > r.box.y1 || r.size <= 0) continue;
          const double overlap = std::min(r.box.x1, line.box.x1) - std::max(r.box.x0, line.box.x0);
          if (overlap <= 0) continue;
          total += overlap;
          size += overlap * r.size;
          if (r.bold) bold += overlap;
        }
        if (total <= 0) continue;
        line.font_size = size / total;
        line.bold = bold >= 0.9 * total;  // a heading is bold throughout; a bold phrase is not one
      }
}

}  // namespace renaksi::quality
