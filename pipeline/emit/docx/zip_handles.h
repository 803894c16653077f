// RAII owners of libzip's handles: an archive (discarded, never written, unless zip_close took
// it), a file being read, a source, an error record.
#pragma once

#include <zip.h>

#include <memory>

namespace renaksi::docx {

struct ZipDiscard {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileClose {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};
struct ZipSourceFree {
  void operator()(zip_source_t* s) const { zip_source_free(s); }
};
struct ZipErrorFini {
  void operator()(zip_error_t* e) const { zip_error_fini(e); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipDiscard>;
using ZipFilePtr = std::unique_ptr<zip_file_t, ZipFileClose>;
using ZipSourcePtr = std::unique_ptr<zip_source_t, ZipSourceFree>;
using ZipErrorGuard = std::unique_ptr<zip_error_t, ZipErrorFini>;  // over a zip_error_t on the stack

}  // namespace renaksi::docx
