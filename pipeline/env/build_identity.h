// What decides every output besides the content: the program itself and the data it reads
// (layouts, catalogues, template profiles, fonts, hyphenation patterns), as one content key.
#pragma once

#include <filesystem>
#include <string>

#include "env/env.h"

namespace renaksi {

// The running program's identity: its GNU build-id when the linker wrote one (Debian's does),
// else a hash of its file. Stable for one binary; any rebuild that changes code changes it.
std::string program_identity();

// An external program's identity without running it: the file it resolves to (a name without a
// slash is looked up on PATH; symbolic links are followed), its size and its modification time,
// or "missing NAME". Upgrading the program replaces its file, so the identity changes. Not a hash
// of its bytes: Pandoc's executable is over 100 MB, more to read than a whole warm build costs.
std::string program_file_identity(const std::string& program);

// A content hash over program_identity(), the options of `env` that change outputs (layout,
// site address, Pandoc program and program_file_identity() of it, the build date when SOURCE_DATE_EPOCH sets it), and the bytes of
// every file of the data folder's layouts/, locales/ and templates/ and of the fonts and
// hyphenation patterns the layouts name. Files are found by listing, bounded
// (limits::kMaxFilesPerFolder per folder); a file that cannot be read counts by its name only.
std::string build_identity(const Env& env);

}  // namespace renaksi
