// The /ToUnicode map of a font libharu embedded with its UTF-8 encoder, rewritten correctly:
// libharu 2.3.0 writes its encoding CMap there ("begincidrange", which a ToUnicode map may not
// hold; poppler warns on every file), while the codes it shows are the characters' own code
// points (Identity-H, two bytes). The map written instead sends each code to that character.
#pragma once

#include <hpdf.h>

#include <string>

namespace renaksi::pdf {

// The ToUnicode CMap for codes that are their own BMP code points: <XX00> <XXFF> <XX00> for every
// high byte but the surrogates', in blocks of at most 100 ranges (PDF 32000-1, 9.10.3).
std::string identity_to_unicode_cmap();

// Replaces the content of `font`'s /ToUnicode stream with identity_to_unicode_cmap() and drops
// the entries of an encoding CMap from its dictionary. The first failing status, or HPDF_OK.
HPDF_STATUS fix_to_unicode(HPDF_Font font);

}  // namespace renaksi::pdf
