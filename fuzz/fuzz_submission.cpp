// libFuzzer target: the OGP-submission validator and reader on arbitrary bytes (what
// `renaksi validate` and `renaksi import` are given). What must hold: no crash, no sanitizer
// report, no hang, whatever the bytes; a submission the reader reads is written back (the
// writer must take whatever the reader gives it).
#include <cstddef>
#include <cstdint>
#include <string>

#include "emit/ogp/reader.h"
#include "emit/ogp/validator.h"
#include "emit/ogp/writer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  {
    renaksi::Diagnostics diags;
    renaksi::ogp::validate_submission(bytes, "fuzz.xml", diags);
  }
  for (bool require_valid : {true, false}) {
    renaksi::Diagnostics diags;
    renaksi::ogp::ReadOptions options;
    options.require_valid = require_valid;
    if (auto plan = renaksi::ogp::read_ogp_submission(bytes, "fuzz.xml", diags, options)) {
      const std::string again = renaksi::ogp::write_ogp_submission(*plan);
      renaksi::Diagnostics again_diags;
      renaksi::ogp::validate_submission(again, "again.xml", again_diags);
    }
  }
  return 0;
}
