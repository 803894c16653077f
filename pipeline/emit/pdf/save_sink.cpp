// A saved PDF's bytes, through a temporary file while libharu's document is alive.
#include "emit/pdf/save_sink.h"

#include <hpdf_streams.h>

#include <new>

namespace renaksi::pdf {

SaveSink::SaveSink() : SaveSink(std::tmpfile()) {}

SaveSink::SaveSink(std::FILE* spill) : spill_(spill, &std::fclose) {
  // Unbuffered: a write that fails then says how much of it the file took (a buffered one would
  // have counted bytes the stream still held and could no longer write).
  if (spill_ && std::setvbuf(spill_.get(), nullptr, _IONBF, 0) != 0) spill_.reset();
}

HPDF_STATUS SaveSink::write(HPDF_Stream stream, const HPDF_BYTE* bytes, HPDF_UINT size) noexcept {
  auto* sink = stream ? static_cast<SaveSink*>(stream->attr) : nullptr;
  if (!sink) return HPDF_INVALID_STREAM;
  return sink->append(bytes, size) ? HPDF_OK : HPDF_FILE_IO_ERROR;
}

bool SaveSink::append(const void* bytes, size_t size) noexcept {
  if (failed_) return false;
  if (size == 0) return true;
  std::string& into = spill_ ? gathered_ : memory_;
  try {
    into.append(static_cast<const char*>(bytes), size);
  } catch (const std::bad_alloc&) {
    failed_ = true;
    return false;
  }
  size_ += size;
  // The file is full or broken: what it holds so far goes to memory, and so does the rest.
  if (spill_ && gathered_.size() >= kChunk && !write_gathered()) return to_memory();
  return true;
}

bool SaveSink::write_gathered() noexcept {
  const size_t n = gathered_.size();
  const size_t wrote = n ? std::fwrite(gathered_.data(), 1, n, spill_.get()) : 0;
  in_file_ += wrote;
  gathered_.erase(0, wrote);
  return wrote == n;
}

bool SaveSink::to_memory(size_t spare) noexcept {
  std::FILE* f = spill_.get();
  try {
    memory_.reserve(size_ + spare);
    memory_.resize(in_file_);
  } catch (const std::bad_alloc&) {
    failed_ = true;
  }
  // Bounded: one read of what the file took, which a short read ends.
  if (!failed_ && in_file_ > 0 && (std::fseek(f, 0, SEEK_SET) != 0 || std::fread(memory_.data(), 1, in_file_, f) != in_file_))
    failed_ = true;
  spill_.reset();
  if (!failed_) memory_ += gathered_;  // reserved above: no allocation
  gathered_ = std::string();
  if (failed_) memory_ = std::string();
  return !failed_;
}

std::optional<std::string> SaveSink::take(size_t spare) {
  if (spill_) {
    (void)write_gathered();  // what the file does not take is kept by to_memory
    if (!to_memory(spare)) return std::nullopt;
  }
  if (failed_) return std::nullopt;
  try {
    memory_.reserve(size_ + spare);  // kept in memory all along: room made now
  } catch (const std::bad_alloc&) {
    // No room reserved: the file is still whole, and appending to it copies it once.
  }
  failed_ = true;  // once only: a second take has nothing
  return std::move(memory_);
}

}  // namespace renaksi::pdf
