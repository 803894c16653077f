// Stamping the build's date into a DOCX that Pandoc wrote with a fixed one.
#include "emit/docx/stamp_date.h"

#include <chrono>
#include <cstdio>

#include "emit/docx/zip_entries.h"

namespace renaksi::docx {

namespace {

// 2107-12-31T23:59:59Z: the DOS date's last year is 1980 + 127.
constexpr std::int64_t kLastDosEpoch = 4354819199;
// 1980-01-01T00:00:00Z: the DOS date's first day; Pandoc writes earlier dates as this one.
constexpr std::int64_t kFirstDosEpoch = 315532800;

struct Civil {
  int year;
  unsigned month, day;
  std::int64_t second_of_day;
};

Civil civil(std::int64_t epoch) {
  const std::int64_t day = epoch / 86400;  // epoch >= 0: can_stamp
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{day}}};
  return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
          epoch - day * 86400};
}

// `xml` with the text of <tag …>from</tag> set to `to`, when it is `from`.
void replace_element(std::string& xml, std::string_view tag, const std::string& from, const std::string& to) {
  const std::string open = "<" + std::string(tag) + " xsi:type=\"dcterms:W3CDTF\">";
  const std::string whole = open + from + "</" + std::string(tag) + ">";
  if (const size_t at = xml.find(whole); at != std::string::npos) xml.replace(at + open.size(), from.size(), to);
}

}  // namespace

bool can_stamp(std::int64_t epoch) { return epoch >= 0 && epoch <= kLastDosEpoch; }

std::string w3c_date(std::int64_t epoch) {
  const Civil c = civil(epoch);
  char out[32];
  std::snprintf(out, sizeof out, "%04d-%02u-%02uT%02d:%02d:%02dZ", c.year, c.month, c.day,
                static_cast<int>(c.second_of_day / 3600), static_cast<int>(c.second_of_day / 60 % 60),
                static_cast<int>(c.second_of_day % 60));
  return out;
}

std::uint32_t dos_date_time(std::int64_t epoch) {
  const Civil c = civil(epoch < kFirstDosEpoch ? kFirstDosEpoch : epoch);
  const auto s = static_cast<std::uint32_t>(c.second_of_day);
  const std::uint32_t time = (s % 60) / 2 | (s / 60 % 60) << 5 | (s / 3600) << 11;
  const std::uint32_t date = c.day | c.month << 5 | static_cast<std::uint32_t>(c.year - 1980) << 9;
  return time | date << 16;
}

std::optional<std::string> with_date(std::string_view zip, std::int64_t from, std::int64_t to) {
  if (!can_stamp(from) || !can_stamp(to)) return std::nullopt;
  const std::optional<ZipDirectory> dir = read_zip(zip);
  if (!dir) return std::nullopt;
  const std::uint32_t old_stamp = dos_date_time(from), new_stamp = dos_date_time(to);
  const std::string old_date = w3c_date(from), new_date = w3c_date(to);
  std::string out, directory;
  out.reserve(zip.size() + 64);
  for (const ZipEntry& e : dir->entries) {
    std::string record(zip.substr(e.central, e.central_size));
    put32(record, 42, static_cast<std::uint32_t>(out.size()));
    const size_t local_at = out.size();
    if (e.name != "docProps/core.xml") {
      out.append(zip.substr(e.local, e.local_end - e.local));
    } else {
      const std::uint32_t flags = le16(zip, e.local + 6), method = le16(zip, e.local + 8);
      const size_t header = 30 + le16(zip, e.local + 26) + le16(zip, e.local + 28);
      const size_t csize = le32(zip, e.central + 20), usize = le32(zip, e.central + 24);
      // Encrypted, with a data descriptor, or not stored or deflated: not Pandoc's.
      if ((flags & 0x0009) != 0 || (method != 0 && method != 8) || e.local + header + csize > e.local_end)
        return std::nullopt;
      const std::string_view data = zip.substr(e.local + header, csize);
      std::optional<std::string> xml = method == 0 ? std::optional<std::string>(std::string(data)) : inflated(data, usize);
      if (!xml || crc_of(*xml) != le32(zip, e.central + 16)) return std::nullopt;
      std::string changed = *xml;
      replace_element(changed, "dcterms:created", old_date, new_date);
      replace_element(changed, "dcterms:modified", old_date, new_date);
      if (changed == *xml) {
        out.append(zip.substr(e.local, e.local_end - e.local));
      } else {
        std::optional<std::string> stored = method == 0 ? std::optional<std::string>(changed) : deflated(changed);
        if (!stored) return std::nullopt;
        const std::uint32_t crc = crc_of(changed);
        std::string local(zip.substr(e.local, header));
        put32(local, 14, crc);
        put32(local, 18, static_cast<std::uint32_t>(stored->size()));
        put32(local, 22, static_cast<std::uint32_t>(changed.size()));
        out += local;
        out += *stored;
        out.append(zip.substr(e.local + header + csize, e.local_end - (e.local + header + csize)));
        put32(record, 16, crc);
        put32(record, 20, static_cast<std::uint32_t>(stored->size()));
        put32(record, 24, static_cast<std::uint32_t>(changed.size()));
      }
    }
    // The DOS time and date: bytes 10-13 of the local header, 12-15 of the central record.
    if (le32(out, local_at + 10) == old_stamp) put32(out, local_at + 10, new_stamp);
    if (le32(record, 12) == old_stamp) put32(record, 12, new_stamp);
    directory += record;
  }
  return close_zip(std::move(out), directory, zip, dir->eocd);
}

}  // namespace renaksi::docx
