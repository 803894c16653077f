// A drawn page's content stream deflated at once (libdeflate), instead of by libharu at the save.
#pragma once

#include <hpdf.h>

#include <memory>
#include <string>
#include <vector>

namespace renaksi::pdf {

// libharu keeps every page's content stream as written (some 45 KB a page) until it saves the
// document, and deflates them only then: a 1,574-page bilingual edition held 66 MiB of them at
// its peak. pack() deflates a page's stream as soon as the page is drawn (libdeflate at level 6:
// half zlib's time, a stream no larger), and puts in its place a stream that reads those bytes
// back with no filter, the page's /Filter entry written by a hook where the save writes it: the
// same file but for the deflated bytes, the memory a fifth (13.7 MiB for that edition). libharu has no call for this: the page's content dictionary, its
// stream and HPDF_CallbackReader_New are its public structures (hpdf_pages.h, hpdf_streams.h).
class PackedContents {
 public:
  PackedContents();
  ~PackedContents();
  PackedContents(const PackedContents&) = delete;
  PackedContents& operator=(const PackedContents&) = delete;

  // Packs `page`'s content stream, which nothing may write to after. False, the page left as it
  // was, when it is not as libharu 2.3 makes it or libdeflate fails; an empty stream is left as it is.
  // The packed bytes live here: keep this object until the document is saved.
  bool pack(HPDF_Page page);
  // The bytes held, and what the streams were.
  size_t packed_bytes() const { return packed_; }
  size_t raw_bytes() const { return raw_; }

  struct Stream;  // one page's deflated bytes, and where the save is reading them

 private:
  std::vector<std::unique_ptr<Stream>> streams_;
  size_t packed_ = 0, raw_ = 0;
};

}  // namespace renaksi::pdf
