// Validates OGP-submission XML: well-formedness, the XSD, then the rules beyond it.
#include "emit/ogp/validator.h"
#include "emit/ogp/writer.h"

#include "env/read_file.h"

#include <set>

#include "emit/ogp/node_location.h"
#include "emit/ogp/semantic_rules.h"
#include "emit/ogp/submission_schema.h"
#include "emit/ogp/vocabulary.h"
#include "xml/source_locator.h"

namespace renaksi::ogp {

namespace {

// libxml2 names elements "{urn:renaksi:ogp-submission:1}title"; a reader wants "title". A
// diagnostic is one line: line breaks of a quoted value are shown as \n, and a long value is
// shortened in the middle.
std::string readable(std::string message) {
  const std::string qualifier = "{" + std::string(kNamespace) + "}";
  for (size_t at = message.find(qualifier); at != std::string::npos; at = message.find(qualifier, at))
    message.erase(at, qualifier.size());
  std::string out;
  for (char c : message) out += c == '\n' ? std::string("\\n") : std::string(1, c);
  constexpr size_t kMax = 300;
  if (out.size() > kMax) out = out.substr(0, kMax / 2) + " ... " + out.substr(out.size() - kMax / 2);
  return out;
}

// "Element 'period', attribute 'end': ..." -> "end".
std::string attribute_named(const std::string& message) {
  const std::string key = ", attribute '";
  size_t at = message.find(key);
  if (at == std::string::npos) return "";
  at += key.size();
  size_t end = message.find('\'', at);
  return end == std::string::npos ? "" : message.substr(at, end - at);
}

void report_schema_issues(const std::vector<XmlIssue>& issues, const std::string& file, const SourceLocator& locator,
                          Diagnostics& diags) {
  std::string last;
  for (const auto& issue : issues) {
    // libxml2 follows an invalid value under an identity constraint (ogpId, say) with a second
    // message, "Warning: No precomputed value available": the error before it says what is wrong.
    if (issue.message.find("No precomputed value available") != std::string::npos) continue;
    SourceLoc loc{file, issue.line, issue.col};
    std::string message = readable(issue.message);
    if (issue.node) {
      loc = locate(issue.node, file, locator);
      if (loc.line == 0) loc.line = issue.line;
      if (std::string name = attribute_named(message); !name.empty() && loc.col > 0) {
        auto [line, col] = locator.attribute(loc.line, loc.col, name);
        loc.line = line;
        loc.col = col;
      }
      std::string where = describe(issue.node);
      if (!where.empty()) message += " (" + where + ")";
    } else if (loc.col == 0 && message.rfind("Element '", 0) == 0) {
      // Identity-constraint errors (xs:keyref) come with a line but no node: find the column of
      // the element the message names on that line.
      const size_t end = message.find('\'', 9);
      if (end != std::string::npos) loc.col = locator.first_element(loc.line, message.substr(9, end - 9)).second;
    }
    Diagnostic d{Severity::Error, Code::V002, loc, message};
    std::string key = d.str();
    if (key == last) continue;  // libxml2 repeats some messages verbatim
    last = key;
    diags.add(std::move(d));
  }
}

}  // namespace

XmlParseCodes submission_parse_codes() {
  XmlParseCodes codes;
  codes.malformed = Code::V001;
  codes.doctype = Code::V009;
  codes.internal = Code::V001;
  codes.doctype_message = "a submission may not carry a DOCTYPE or entity declarations; remove the <!DOCTYPE ...> line";
  return codes;
}

XmlDocPtr parse_valid_submission(const std::string& bytes, const std::string& file, Diagnostics& diags) {
  diags.register_file(file);
  const size_t errors_before = diags.error_count();
  XmlDocPtr doc = parse_xml(bytes, file, diags, submission_parse_codes());
  if (!doc) return nullptr;

  const SourceLocator locator(bytes);
  std::vector<XmlIssue> issues;
  bool valid = SubmissionSchema::get().validate(doc.get(), issues);
  report_schema_issues(issues, file, locator, diags);
  if (!valid && issues.empty()) diags.error(Code::V002, {file, 1, 1}, "the document does not follow the schema");
  std::set<const xmlNode*> flagged;
  for (const auto& issue : issues)
    if (issue.node) flagged.insert(issue.node);
  check_submission_rules(doc.get(), file, locator, flagged, diags);
  if (diags.error_count() > errors_before) return nullptr;
  return doc;
}

bool validate_submission(const std::string& bytes, const std::string& file, Diagnostics& diags) {
  return parse_valid_submission(bytes, file, diags) != nullptr;
}

bool validate_submission_file(const std::filesystem::path& path, Diagnostics& diags) {
  const std::string file = path.generic_string();
  std::string bytes;
  // Only a regular file, at most limits::kMaxInputFileBytes, never blocking on a FIFO.
  if (ReadResult read = read_file(path, bytes); !read) {
    diags.register_file(file);
    diags.error(read.too_large() ? Code::V001 : Code::L001, {file, 0, 0}, "cannot be read: it " + read.reason);
    return false;
  }
  return validate_submission(bytes, file, diags);
}

std::optional<std::string> write_valid_submission(const Plan& plan, const std::string& generated,
                                                  const std::string& file, Diagnostics& diags) {
  std::string xml = write_ogp_submission(plan, {.generated = generated, .generator = std::string("renaksi ") + RENAKSI_VERSION});
  if (!validate_submission(xml, file, diags)) return std::nullopt;
  return xml;
}

}  // namespace renaksi::ogp
