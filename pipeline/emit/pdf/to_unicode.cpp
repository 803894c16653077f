// The /ToUnicode map of a font, rewritten correctly.
#include "emit/pdf/to_unicode.h"

#include <cstdio>

namespace renaksi::pdf {

std::string identity_to_unicode_cmap() {
  std::string ranges[256];
  size_t count = 0;
  for (unsigned hi = 0; hi < 256; ++hi) {
    if (hi >= 0xD8 && hi <= 0xDF) continue;  // surrogates: no character
    char line[40];
    std::snprintf(line, sizeof line, "<%02X00> <%02XFF> <%02X00>\n", hi, hi, hi);
    ranges[count++] = line;
  }
  std::string out =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n"
      "<0000> <FFFF>\n"
      "endcodespacerange\n";
  for (size_t from = 0; from < count; from += 100) {
    const size_t n = count - from < 100 ? count - from : 100;
    out += std::to_string(n) + " beginbfrange\n";
    for (size_t i = from; i < from + n; ++i) out += ranges[i];
    out += "endbfrange\n";
  }
  out +=
      "endcmap\n"
      "CMapName currentdict /CMap defineresource pop\n"
      "end\n"
      "end\n";
  return out;
}

HPDF_STATUS fix_to_unicode(HPDF_Font font) {
  if (!font) return HPDF_INVALID_FONT;
  auto map = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT));
  if (!map || !map->stream) return HPDF_OK;  // none written: nothing wrong to fix
  HPDF_MemStream_FreeData(map->stream);
  for (const char* key : {"Type", "CMapName", "CIDSystemInfo", "WMode"}) {
    const HPDF_STATUS st = HPDF_Dict_RemoveElement(map, key);
    if (st != HPDF_OK && st != HPDF_DICT_ITEM_NOT_FOUND) return st;
  }
  const std::string cmap = identity_to_unicode_cmap();
  return HPDF_Stream_Write(map->stream, reinterpret_cast<const HPDF_BYTE*>(cmap.data()), static_cast<HPDF_UINT>(cmap.size()));
}

}  // namespace renaksi::pdf
