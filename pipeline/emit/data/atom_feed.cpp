// The Atom feed, through libxml2's text writer (every text and attribute escaped by it).
#include "emit/data/atom_feed.h"

#include <libxml/xmlwriter.h>

#include <algorithm>
#include <memory>

#include "xml/handles.h"

namespace renaksi::open_data {

namespace {

struct WriterFree {
  void operator()(xmlTextWriter* w) const { xmlFreeTextWriter(w); }
};
using WriterPtr = std::unique_ptr<xmlTextWriter, WriterFree>;

const xmlChar* X(const std::string& s) { return reinterpret_cast<const xmlChar*>(s.c_str()); }
const xmlChar* X(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

bool all_digits(const std::string& s, size_t from, size_t n) {
  if (s.size() < from + n) return false;
  return std::all_of(s.begin() + from, s.begin() + from + n, [](char c) { return c >= '0' && c <= '9'; });
}

// Every call checked: a failed write leaves `ok` false and the rest does nothing.
class Writer {
 public:
  explicit Writer(xmlTextWriter* w) : w_(w) {}
  void start(const char* name) { ok_ = ok_ && xmlTextWriterStartElement(w_, X(name)) >= 0; }
  void end() { ok_ = ok_ && xmlTextWriterEndElement(w_) >= 0; }
  void attr(const char* name, const std::string& value) {
    if (!value.empty()) ok_ = ok_ && xmlTextWriterWriteAttribute(w_, X(name), X(value)) >= 0;
  }
  void text_element(const char* name, const std::string& text, const std::string& lang = {}) {
    start(name);
    if (!lang.empty()) ok_ = ok_ && xmlTextWriterWriteAttribute(w_, X("xml:lang"), X(lang)) >= 0;
    if (name == std::string("title")) attr("type", "text");
    ok_ = ok_ && xmlTextWriterWriteString(w_, X(text)) >= 0;
    end();
  }
  void link(const FeedLink& l) {
    start("link");
    attr("rel", l.rel);
    attr("type", l.type);
    attr("hreflang", l.hreflang);
    attr("href", l.href);
    end();
  }
  bool ok() const { return ok_; }
  xmlTextWriter* raw() { return w_; }

 private:
  xmlTextWriter* w_;
  bool ok_ = true;
};

}  // namespace

std::string atom_date(const std::string& iso) {
  if (iso.size() == 4 && all_digits(iso, 0, 4)) return iso + "-01-01T00:00:00Z";
  if (iso.size() == 7 && all_digits(iso, 0, 4) && iso[4] == '-' && all_digits(iso, 5, 2)) return iso + "-01T00:00:00Z";
  if (iso.size() == 10 && all_digits(iso, 0, 4) && iso[4] == '-' && all_digits(iso, 5, 2) && iso[7] == '-' &&
      all_digits(iso, 8, 2))
    return iso + "T00:00:00Z";
  return {};
}

std::string write_atom(Feed feed) {
  std::stable_sort(feed.entries.begin(), feed.entries.end(), [](const FeedEntry& a, const FeedEntry& b) {
    const std::string da = atom_date(a.updated), db = atom_date(b.updated);
    if (da != db) return da > db;
    return a.id < b.id;
  });
  std::string newest = "1970-01-01T00:00:00Z";
  for (const auto& e : feed.entries)
    if (const std::string d = atom_date(e.updated); !d.empty() && d > newest) newest = d;

  XmlBufferPtr buffer(xmlBufferCreate());
  if (!buffer) return {};
  WriterPtr raw(xmlNewTextWriterMemory(buffer.get(), 0));
  if (!raw) return {};
  Writer w(raw.get());
  bool ok = xmlTextWriterSetIndent(raw.get(), 1) >= 0 && xmlTextWriterSetIndentString(raw.get(), X("  ")) >= 0 &&
            xmlTextWriterStartDocument(raw.get(), "1.0", "UTF-8", nullptr) >= 0;
  if (!ok) return {};
  w.start("feed");
  w.attr("xmlns", "http://www.w3.org/2005/Atom");
  w.attr("xml:lang", feed.lang);
  w.text_element("id", feed.id);
  w.text_element("title", feed.title);
  w.text_element("updated", newest);
  w.start("author");
  w.text_element("name", feed.author);
  w.end();
  for (const auto& l : feed.links) w.link(l);
  for (const auto& e : feed.entries) {
    const std::string updated = atom_date(e.updated);
    w.start("entry");
    w.attr("xml:lang", e.lang);
    w.text_element("id", e.id);
    w.text_element("title", e.title);
    w.text_element("updated", updated.empty() ? newest : updated);
    for (const auto& l : e.links) w.link(l);
    if (!e.category.empty()) {
      w.start("category");
      w.attr("term", e.category);
      w.attr("scheme", "urn:renaksi:stage");
      w.end();
    }
    w.end();
  }
  w.end();
  if (!w.ok() || xmlTextWriterEndDocument(raw.get()) < 0) return {};
  raw.reset();  // flushes into the buffer
  return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer.get())), xmlBufferLength(buffer.get()));
}

}  // namespace renaksi::open_data
