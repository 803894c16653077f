// The DOCX package of an edition, from the reference document's parts (libzip reads and writes
// the archive).
#include "emit/docx/word_package.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "emit/docx/zip_handles.h"

namespace renaksi::docx {

namespace {

// A part of the reference document may unpack to at most this; its whole to 8 times it.
constexpr zip_uint64_t kMaxPart = 32u << 20;
constexpr zip_int64_t kMaxParts = 256;

const char* const kWordNamespaces =
    " xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
    " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
const char* const kRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

struct Part {
  std::string name;
  std::string data;
};

// The reference document's parts in its order, or none (with `error`).
std::optional<std::vector<Part>> read_parts(std::string_view docx, std::string& error) {
  zip_error_t zerr;
  zip_error_init(&zerr);
  ZipErrorGuard zerr_guard(&zerr);
  ZipSourcePtr source(zip_source_buffer_create(docx.data(), docx.size(), 0, &zerr));
  if (!source) {
    error = zip_error_strerror(&zerr);
    return std::nullopt;
  }
  ZipPtr zip(zip_open_from_source(source.get(), ZIP_RDONLY | ZIP_CHECKCONS, &zerr));
  if (!zip) {
    error = std::string("not a ZIP archive libzip reads: ") + zip_error_strerror(&zerr);
    return std::nullopt;
  }
  (void)source.release();  // the archive owns it now
  const zip_int64_t count = zip_get_num_entries(zip.get(), 0);
  if (count < 0 || count > kMaxParts) {
    error = "it has more than " + std::to_string(kMaxParts) + " parts";
    return std::nullopt;
  }
  std::vector<Part> parts;
  zip_uint64_t total = 0;
  for (zip_int64_t i = 0; i < count; ++i) {  // bounded by kMaxParts
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip.get(), static_cast<zip_uint64_t>(i), 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME) ||
        !(st.valid & ZIP_STAT_SIZE)) {
      error = "part " + std::to_string(i) + " cannot be read";
      return std::nullopt;
    }
    std::string name = st.name;
    if (name.ends_with("/")) continue;  // a folder entry
    if (st.size > kMaxPart || (total += st.size) > 8 * kMaxPart) {
      error = name + " is larger than " + std::to_string(kMaxPart >> 20) + " MiB";
      return std::nullopt;
    }
    ZipFilePtr file(zip_fopen_index(zip.get(), static_cast<zip_uint64_t>(i), 0));
    std::string data(static_cast<size_t>(st.size), '\0');
    // One byte more than declared is asked for, so a part that unpacks to more is caught.
    std::string extra(1, '\0');
    if (!file || zip_fread(file.get(), data.data(), st.size) != static_cast<zip_int64_t>(st.size) ||
        zip_fread(file.get(), extra.data(), 1) != 0) {
      error = name + " cannot be unpacked";
      return std::nullopt;
    }
    parts.push_back({std::move(name), std::move(data)});
  }
  return parts;
}

Part* find(std::vector<Part>& parts, std::string_view name) {
  for (auto& p : parts)
    if (p.name == name) return &p;
  return nullptr;
}

// The last <w:sectPr>…</w:sectPr> of the reference's body: its page size, margins and footer.
std::string section_properties(std::string_view document) {
  const size_t start = document.rfind("<w:sectPr");
  if (start == std::string_view::npos) return {};
  const size_t end = document.find("</w:sectPr>", start);
  if (end == std::string_view::npos) {
    const size_t close = document.find("/>", start);  // <w:sectPr/>
    return close == std::string_view::npos ? std::string() : std::string(document.substr(start, close + 2 - start));
  }
  return std::string(document.substr(start, end + 11 - start));
}

// The integer value of `attribute="…"` inside the first `<element` of `xml`, or -1.
long attribute_of(std::string_view xml, std::string_view element, std::string_view attribute) {
  const size_t at = xml.find(element);
  if (at == std::string_view::npos) return -1;
  const size_t end = xml.find('>', at);
  const std::string_view tag = xml.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
  const std::string key = " " + std::string(attribute) + "=\"";
  const size_t v = tag.find(key);
  if (v == std::string_view::npos) return -1;
  long value = 0;
  for (size_t i = v + key.size(); i < tag.size() && tag[i] >= '0' && tag[i] <= '9' && value < 1000000; ++i)
    value = value * 10 + (tag[i] - '0');
  return value;
}

// The reference's relationships without its hyperlinks (Pandoc's reference document carries a
// sample one), with `extra` added.
std::string relationships(std::string_view xml, const std::string& extra) {
  std::string out;
  size_t at = 0;
  while (true) {  // bounded: each turn moves past one element
    const size_t start = xml.find("<Relationship ", at);
    if (start == std::string_view::npos) break;
    const size_t end = xml.find('>', start);
    if (end == std::string_view::npos) break;
    out.append(xml.substr(at, start - at));
    const std::string_view element = xml.substr(start, end + 1 - start);
    if (element.find("relationships/hyperlink\"") == std::string_view::npos) out.append(element);
    at = end + 1;
  }
  std::string rest(xml.substr(at));
  const size_t close = rest.rfind("</Relationships>");
  if (close == std::string::npos) return out + rest;
  rest.insert(close, extra);
  return out + rest;
}

std::string relationship(const std::string& id, const std::string& type, const std::string& target, bool external) {
  std::string out = "<Relationship Id=\"";
  append_xml_escaped(out, id);
  out += "\" Type=\"" + std::string(kRelationships) + type + "\" Target=\"";
  append_xml_escaped(out, target);
  out += external ? "\" TargetMode=\"External\"/>" : "\"/>";
  return out;
}

std::string link_relationships(const std::vector<LinkTarget>& links) {
  std::string out;
  for (const auto& l : links) out += relationship(l.id, "hyperlink", l.url, true);
  return out;
}

// styles.xml with the document's language as the default of every run.
std::string with_language(std::string styles, const std::string& lang) {
  const size_t defaults = styles.find("<w:rPrDefault>");
  const size_t defaults_end = styles.find("</w:rPrDefault>", defaults);
  if (defaults == std::string::npos || defaults_end == std::string::npos) return styles;
  std::string tag = "<w:lang w:val=\"";
  append_xml_escaped(tag, lang);
  tag += "\"";
  const size_t at = styles.find("<w:lang ", defaults);
  if (at != std::string::npos && at < defaults_end) {
    const size_t end = styles.find("/>", at);
    // Its other attributes (the East Asian and bidirectional languages) are kept.
    std::string_view old(styles.data() + at, end - at);
    std::string kept;
    for (std::string_view attr : {" w:eastAsia=\"", " w:bidi=\""})
      if (const size_t a = old.find(attr); a != std::string_view::npos) {
        const size_t q = old.find('"', a + attr.size());
        if (q != std::string_view::npos) kept.append(old.substr(a, q + 1 - a));
      }
    styles.replace(at, end - at, tag + kept);
  } else if (const size_t rpr = styles.find("</w:rPr>", defaults); rpr != std::string::npos && rpr < defaults_end) {
    styles.insert(rpr, tag + "/>");
  }
  return styles;
}

// settings.xml asking Word to update the fields (the contents' page numbers) on opening, where
// the schema puts it: before the footnote properties and what follows them.
std::string with_update_fields(std::string xml) {
  if (xml.find("<w:updateFields") != std::string::npos) return xml;
  for (const char* before : {"<w:hdrShapeDefaults", "<w:footnotePr", "<w:endnotePr", "<w:compat", "<w:docVars", "<w:rsids",
                             "</w:settings>"})
    if (const size_t where = xml.find(before); where != std::string::npos) {
      xml.insert(where, "<w:updateFields w:val=\"true\"/>");
      return xml;
    }
  return xml;
}

// [Content_Types].xml naming the parts the package adds when the reference lacks them.
std::string with_content_types(std::string xml, const std::vector<std::pair<std::string, std::string>>& parts) {
  std::string extra;
  for (const auto& [name, type] : parts)
    if (xml.find("PartName=\"" + name + "\"") == std::string::npos)
      extra += "<Override PartName=\"" + name + "\" ContentType=\"application/vnd.openxmlformats-officedocument." + type + "\"/>";
  if (const size_t close = xml.rfind("</Types>"); close != std::string::npos) xml.insert(close, extra);
  return xml;
}

std::string core_xml(const CoreProperties& core) {
  std::string o =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties "
      "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
      "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">";
  auto element = [&](const char* tag, const std::string& text) {
    if (text.empty()) return;
    o += std::string("<") + tag + ">";
    append_xml_escaped(o, text);
    o += std::string("</") + tag + ">";
  };
  element("dc:title", core.title);
  element("dc:subject", core.subject);
  element("dc:creator", core.creator);
  element("cp:keywords", core.keywords);
  element("dc:language", core.lang);
  const std::string date = w3c_date(core.date);
  o += "<dcterms:created xsi:type=\"dcterms:W3CDTF\">" + date + "</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">" +
       date + "</dcterms:modified></cp:coreProperties>";
  return o;
}

constexpr std::int64_t kFirstDosEpoch = 315532800;   // 1980-01-01T00:00:00Z
constexpr std::int64_t kLastDosEpoch = 4354819199;   // 2107-12-31T23:59:59Z

struct Civil {
  int year;
  unsigned month, day;
  std::int64_t second_of_day;
};

Civil civil(std::int64_t epoch) {
  std::int64_t day = epoch / 86400;
  if (epoch % 86400 < 0) --day;
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{day}}};
  return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
          epoch - day * 86400};
}

// The archive of `parts`, in their order, deflated; the same bytes for the same parts and time.
std::string zip_parts(const std::vector<Part>& parts, std::uint32_t dos_time, std::string& error) {
  zip_error_t zerr;
  zip_error_init(&zerr);
  ZipErrorGuard zerr_guard(&zerr);
  ZipSourcePtr buffer(zip_source_buffer_create(nullptr, 0, 0, &zerr));
  if (!buffer) {
    error = zip_error_strerror(&zerr);
    return {};
  }
  ZipPtr zip(zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &zerr));
  if (!zip) {
    error = zip_error_strerror(&zerr);
    return {};
  }
  zip_source_keep(buffer.get());  // read after zip_close, which frees the archive's reference
  for (const Part& p : parts) {
    ZipSourcePtr data(zip_source_buffer(zip.get(), p.data.data(), p.data.size(), 0));
    const zip_int64_t index = data ? zip_file_add(zip.get(), p.name.c_str(), data.get(), ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) {
      error = p.name + ": " + zip_strerror(zip.get());
      return {};
    }
    (void)data.release();  // the archive owns it now
    const auto i = static_cast<zip_uint64_t>(index);
    // Deflated at zlib's default level; an ordinary file's permissions (libzip would give 0666).
    if (zip_set_file_compression(zip.get(), i, ZIP_CM_DEFLATE, 6) != 0 ||
        zip_file_set_external_attributes(zip.get(), i, 0, ZIP_OPSYS_UNIX, 0100644u << 16) != 0 ||
        zip_file_set_dostime(zip.get(), i, static_cast<zip_uint16_t>(dos_time & 0xffff),
                             static_cast<zip_uint16_t>(dos_time >> 16), 0) != 0) {
      error = p.name + ": " + zip_strerror(zip.get());
      return {};
    }
  }
  if (zip_close(zip.get()) != 0) {
    error = zip_strerror(zip.get());
    return {};
  }
  (void)zip.release();  // closed: zip_close freed it
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_source_stat(buffer.get(), &st) != 0 || !(st.valid & ZIP_STAT_SIZE) || zip_source_open(buffer.get()) != 0) {
    error = "the written archive cannot be read back";
    return {};
  }
  std::string out(static_cast<size_t>(st.size), '\0');
  const zip_int64_t read = zip_source_read(buffer.get(), out.data(), st.size);
  zip_source_close(buffer.get());
  if (read != static_cast<zip_int64_t>(st.size)) {
    error = "the written archive cannot be read back";
    return {};
  }
  return out;
}

}  // namespace

std::string w3c_date(std::int64_t epoch) {
  const Civil c = civil(epoch);
  char out[40];
  std::snprintf(out, sizeof out, "%04d-%02u-%02uT%02d:%02d:%02dZ", c.year, c.month, c.day,
                static_cast<int>(c.second_of_day / 3600), static_cast<int>(c.second_of_day / 60 % 60),
                static_cast<int>(c.second_of_day % 60));
  return out;
}

std::uint32_t dos_date_time(std::int64_t epoch) {
  const Civil c = civil(std::clamp(epoch, kFirstDosEpoch, kLastDosEpoch));
  const auto s = static_cast<std::uint32_t>(c.second_of_day);
  const std::uint32_t time = (s % 60) / 2 | (s / 60 % 60) << 5 | (s / 3600) << 11;
  const std::uint32_t date = c.day | c.month << 5 | static_cast<std::uint32_t>(c.year - 1980) << 9;
  return time | date << 16;
}

BodyGeometry reference_geometry(std::string_view reference_docx) {
  BodyGeometry g;
  std::string error;
  std::optional<std::vector<Part>> parts = read_parts(reference_docx, error);
  if (!parts) return g;
  const Part* document = find(*parts, "word/document.xml");
  if (!document) return g;
  const std::string sect = section_properties(document->data);
  const long width = attribute_of(sect, "<w:pgSz", "w:w"), left = attribute_of(sect, "<w:pgMar", "w:left"),
             right = attribute_of(sect, "<w:pgMar", "w:right");
  if (width > 0 && left >= 0 && right >= 0 && width - left - right >= 1440) g.text_width = static_cast<int>(width - left - right);
  return g;
}

std::string word_package(std::string_view reference_docx, const WordBody& body, const CoreProperties& core,
                         std::string& error) {
  std::optional<std::vector<Part>> read = read_parts(reference_docx, error);
  if (!read) return {};
  std::vector<Part>& parts = *read;
  for (const char* needed : {"[Content_Types].xml", "word/document.xml", "word/styles.xml", "word/_rels/document.xml.rels"})
    if (!find(parts, needed)) {
      error = std::string("it has no ") + needed;
      return {};
    }
  auto put = [&](const std::string& name, std::string data) {
    if (Part* p = find(parts, name)) p->data = std::move(data);
    else parts.push_back({name, std::move(data)});
  };

  Part& document = *find(parts, "word/document.xml");
  const std::string sect = section_properties(document.data);
  std::string xml;
  xml.reserve(body.body.size() + sect.size() + 512);
  xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document";
  xml += kWordNamespaces;
  xml += "><w:body>";
  xml += body.body;
  xml += sect;
  xml += "</w:body></w:document>";
  document.data = std::move(xml);

  // The document's relationships: the reference's (styles, settings, theme, fonts, footer…)
  // with the numbering and the notes, and the edition's links.
  std::string& rels = find(parts, "word/_rels/document.xml.rels")->data;
  std::string extra;
  if (rels.find("Target=\"numbering.xml\"") == std::string::npos)
    extra += relationship("rIdRenaksiNumbering", "numbering", "numbering.xml", false);
  if (rels.find("Target=\"footnotes.xml\"") == std::string::npos)
    extra += relationship("rIdRenaksiFootnotes", "footnotes", "footnotes.xml", false);
  rels = relationships(rels, extra + link_relationships(body.links));
  const std::string relationships_head =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  put("word/_rels/footnotes.xml.rels", relationships_head + link_relationships(body.footnote_links) + "</Relationships>");

  put("word/footnotes.xml", std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:footnotes") +
                                kWordNamespaces +
                                "><w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
                                "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/>"
                                "</w:r></w:p></w:footnote>" +
                                body.footnotes + "</w:footnotes>");
  put("word/numbering.xml", std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:numbering") +
                                kWordNamespaces + ">" + numbering_definitions() + body.numbering_instances + "</w:numbering>");
  Part& styles = *find(parts, "word/styles.xml");
  styles.data = with_language(std::move(styles.data), body.lang);
  if (Part* settings = find(parts, "word/settings.xml")) settings->data = with_update_fields(std::move(settings->data));
  put("docProps/core.xml", core_xml(core));
  if (Part* package_rels = find(parts, "_rels/.rels"); package_rels && package_rels->data.find("docProps/core.xml") == std::string::npos)
    if (const size_t close = package_rels->data.rfind("</Relationships>"); close != std::string::npos)
      package_rels->data.insert(close,
                                "<Relationship Id=\"rIdRenaksiCore\" Type=\"http://schemas.openxmlformats.org/package/2006/"
                                "relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>");

  Part& types = *find(parts, "[Content_Types].xml");
  types.data = with_content_types(std::move(types.data), {{"/word/numbering.xml", "wordprocessingml.numbering+xml"},
                                                          {"/word/footnotes.xml", "wordprocessingml.footnotes+xml"}});
  if (types.data.find("PartName=\"/docProps/core.xml\"") == std::string::npos)
    if (const size_t close = types.data.rfind("</Types>"); close != std::string::npos)
      types.data.insert(close,
                        "<Override PartName=\"/docProps/core.xml\" "
                        "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>");
  // The content types first, as Word writes them and some readers expect.
  std::stable_partition(parts.begin(), parts.end(), [](const Part& p) { return p.name == "[Content_Types].xml"; });
  return zip_parts(parts, dos_date_time(core.date), error);
}

}  // namespace renaksi::docx
