// The page shell: read, checked, copied per page.
#include "emit/html/page_template.h"

#include <libxml/parser.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

#include "emit/html/urls.h"
#include "env/read_file.h"

namespace renaksi::html {

namespace fs = std::filesystem;

namespace {

bool named(const xmlNode* n, const char* name) {
  return n->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0;
}

// The attribute of an element that may name one of the template's own files.
const char* asset_attr(const xmlNode* n) {
  if (named(n, "link")) return "href";
  if (named(n, "script") || named(n, "img")) return "src";
  if (named(n, "meta") && get_attr(n, "property") == "og:image") return "content";  // the shared picture
  return nullptr;
}

// A relative reference to a file beside the template: no scheme, not absolute, no fragment or
// query, no "..".
bool is_local_file(const std::string& v) {
  if (v.empty() || v[0] == '/' || v[0] == '#') return false;
  if (v.find_first_of(":?#\\") != std::string::npos) return false;
  std::stringstream ss(v);
  for (std::string seg; std::getline(ss, seg, '/');)
    if (seg.empty() || seg == "." || seg == "..") return false;
  return true;
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

bool is_slot(const std::string& name) {
  return std::any_of(std::begin(kSlots), std::end(kSlots), [&](const char* s) { return name == s; });
}

}  // namespace

xmlNode* Page::slot(const std::string& name) const {
  auto it = slots.find(name);
  return it == slots.end() ? nullptr : it->second;
}

bool PageTemplate::load(const fs::path& dir, Diagnostics& diags) {
  dir_ = dir;
  const fs::path file = dir / "page.html";
  const std::string where = file.generic_string();
  std::string bytes;
  const ReadResult read = read_file(file, bytes);
  if (!read) {
    diags.error(Code::H001, {where, 0, 0}, "the site's page template cannot be read: it " + read.reason);
    return false;
  }

  size_t errors_before = diags.error_count();
  {
    XmlErrorCollector collector;
    XmlParserCtxtPtr ctxt(xmlNewParserCtxt());
    if (ctxt)
      doc_.reset(xmlCtxtReadMemory(ctxt.get(), bytes.data(), static_cast<int>(bytes.size()), where.c_str(), "UTF-8",
                                   XML_PARSE_NONET | XML_PARSE_NOCDATA));
    for (const auto& issue : collector.issues)
      diags.error(Code::H001, {where, issue.line, issue.col}, "the page template is not well-formed XML: " + issue.message);
    if (!ctxt || !doc_ || !ctxt->wellFormed) {
      if (diags.error_count() == errors_before)
        diags.error(Code::H001, {where, 1, 1}, "the page template cannot be parsed as XML");
      doc_.reset();
      return false;
    }
  }
  if (xmlDtd* dtd = doc_->intSubset) {
    if (dtd->children) {
      diags.error(Code::H001, {where, 1, 1}, "the page template's DOCTYPE may not declare anything: write <!DOCTYPE html>");
      return false;
    }
    remove_node(reinterpret_cast<xmlNode*>(dtd));  // unlinking clears doc_->intSubset
  }
  xmlNode* root = xmlDocGetRootElement(doc_.get());
  if (!root || !named(root, "html") || root->ns) {
    diags.error(Code::H001, {where, 1, 1}, "the page template's root must be <html> (without a namespace)");
    return false;
  }
  if (!find_element(root, "head") || !find_element(root, "body")) {
    diags.error(Code::H001, {where, static_cast<int>(xmlGetLineNo(root)), 0}, "the page template needs a <head> and a <body>");
    return false;
  }

  std::set<std::string> slots, assets;
  std::vector<xmlNode*> encoding_decls;
  for_each_element(root, [&](xmlNode* n) {
    const int line = static_cast<int>(xmlGetLineNo(n));
    if (has_attr(n, "data-slot")) {
      std::string s = get_attr(n, "data-slot");
      if (!is_slot(s))
        diags.error(Code::H001, {where, line, 0}, "the page template has an unknown slot '" + s + "'");
      else if (!slots.insert(s).second)
        diags.error(Code::H001, {where, line, 0}, "the page template has the slot '" + s + "' twice");
    }
    if (named(n, "meta") && (has_attr(n, "charset") || lower(get_attr(n, "http-equiv")) == "content-type"))
      encoding_decls.push_back(n);  // the serialiser writes the one encoding declaration
    if (const char* attr = asset_attr(n); attr && has_attr(n, attr)) {
      std::string v = get_attr(n, attr);
      if (v.find(':') != std::string::npos || v.starts_with("//")) return;  // another site's file
      if (!is_local_file(v)) {
        diags.error(Code::H001, {where, line, 0},
                    "the page template names '" + v + "': name files beside page.html, e.g. \"site.css\"");
      } else if (!fs::is_regular_file(dir / v)) {
        diags.error(Code::H001, {where, line, 0}, "the page template names '" + v + "', which " + dir.generic_string() + " does not have");
      } else {
        assets.insert(v);
      }
    }
  });
  for (xmlNode* n : encoding_decls) remove_node(n);
  if (!slots.count("main")) diags.error(Code::H001, {where, 0, 0}, "the page template has no data-slot=\"main\" element");
  assets_.assign(assets.begin(), assets.end());
  if (diags.error_count() > errors_before) {
    doc_.reset();
    return false;
  }
  return true;
}

Page PageTemplate::instantiate(const std::string& path, const std::string& lang) const {
  Page p;
  p.path = path;
  p.doc.reset(xmlCopyDoc(doc_.get(), 1));
  p.html = xmlDocGetRootElement(p.doc.get());
  set_attr(p.html, "lang", lang);
  const std::set<std::string> assets(assets_.begin(), assets_.end());
  for_each_element(p.html, [&](xmlNode* n) {
    if (!p.head && named(n, "head")) p.head = n;
    if (!p.title && named(n, "title") && n->parent && named(n->parent, "head")) p.title = n;
    if (has_attr(n, "data-slot")) p.slots[get_attr(n, "data-slot")] = n;
    if (const char* attr = asset_attr(n); attr && has_attr(n, attr)) {
      std::string v = get_attr(n, attr);
      if (assets.count(v)) set_attr(n, attr, urls::relative(path, urls::asset(v)));
    }
  });
  for (auto& [name, node] : p.slots) clear_children(node);
  if (!p.title) {
    p.title = xmlNewDocNode(p.doc.get(), nullptr, reinterpret_cast<const xmlChar*>("title"), nullptr);
    xmlAddChild(p.head, p.title);
  }
  clear_children(p.title);
  return p;
}

void finish_page(Page& page) {
  for (auto& [name, node] : page.slots) {
    remove_attr(node, "data-slot");
    if (name != "main" && !node->children) remove_node(node);
  }
  page.slots.clear();
}

}  // namespace renaksi::html
