// Where libharu writes a saved PDF: an unnamed temporary file while libharu's document is alive,
// read into memory once it is freed, so a file's bytes are never held beside libharu's objects.
#pragma once

#include <hpdf.h>

#include <cstddef>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>

namespace renaksi::pdf {

// libharu saves into its own memory stream by default, and the file is then read out of it into a
// string: at the end of a save the file is held twice beside every object of the document (a
// 240-commitment bilingual edition: 19 MiB each). Through this sink it goes to a temporary file
// (std::tmpfile: unnamed, removed by the system when closed) and is read back by `take`, after the
// document is freed. Where no temporary file can be made or written (a read-only or full /tmp),
// the bytes are kept in memory instead: the file is still written, with the memory it cost before.
class SaveSink {
 public:
  // What is gathered before it is written to the file: libharu writes a token at a time.
  static constexpr size_t kChunk = size_t{1} << 20;

  SaveSink();
  // `spill`: the file to write into (unbuffered from now on: the sink gathers), owned from now
  // on; null keeps everything in memory.
  explicit SaveSink(std::FILE* spill);

  // The stream libharu writes through (HPDF_CallbackWriter_New with this sink as its data).
  static HPDF_STATUS write(HPDF_Stream stream, const HPDF_BYTE* bytes, HPDF_UINT size) noexcept;
  // Appends `size` bytes; false when they could be kept neither in the file nor in memory.
  bool append(const void* bytes, size_t size) noexcept;

  // Everything written, in order; nothing when a write or the read back failed. Once only.
  // `spare`: room reserved after it, for what is appended to the file next (the structure tree),
  // so that appending does not copy it (reserved pages cost no memory until they are written).
  std::optional<std::string> take(size_t spare = 0);
  size_t size() const { return size_; }
  bool spilled() const { return spill_ != nullptr; }

 private:
  // Writes what is gathered to the file; what the file did not take stays gathered. False when
  // it did not take all of it (a full disk, a file-size limit).
  bool write_gathered() noexcept;
  // Moves the file's bytes and what is gathered into memory and closes the file (a write to the
  // file failed, or the file is read back).
  bool to_memory(size_t spare = 0) noexcept;

  std::unique_ptr<std::FILE, int (*)(std::FILE*)> spill_;
  std::string gathered_;  // bytes not yet in the file
  size_t in_file_ = 0;    // bytes the file holds, from its start
  std::string memory_;
  size_t size_ = 0;
  bool failed_ = false;
};

}  // namespace renaksi::pdf
