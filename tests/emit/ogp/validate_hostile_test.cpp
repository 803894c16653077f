// `renaksi validate` (the validator API) on what is not a submission file: never blocking,
// never reading without end.
#include <gtest/gtest.h>

#include "emit/ogp/reader.h"
#include "env/limits.h"
#include "emit/ogp/validator.h"
#include "load/hostile_test.h"

namespace renaksi {
namespace {

namespace fs = std::filesystem;
using testing::printed;
using testing::TempDir;

struct Outcome {
  bool valid = true;
  Diagnostics diags;
};

Outcome validate(const fs::path& file, const std::vector<fs::path>& fifos = {}) {
  return testing::bounded(
      [&] {
        Outcome o;
        o.valid = ogp::validate_submission_file(file, o.diags);
        return o;
      },
      fifos, std::chrono::seconds(10));
}

void expect_one(const Outcome& o, const fs::path& file, Code code, const std::string& message) {
  EXPECT_FALSE(o.valid);
  ASSERT_EQ(o.diags.all().size(), 1u) << printed(o.diags);
  const Diagnostic& d = o.diags.all().front();
  EXPECT_EQ(d.code, code) << d.str();
  EXPECT_EQ(d.loc.file, file.generic_string());
  EXPECT_EQ(d.loc.line, 0);
  EXPECT_EQ(d.message, message);
}

TEST(ValidateHostile, AFifoIsL001WithoutBlocking) {
  TempDir dir("validate-fifo");
  const fs::path fifo = dir.path() / "s.ogp.xml";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  expect_one(validate(fifo, {fifo}), fifo, Code::L001, "cannot be read: it is a FIFO (named pipe), not a file");
}

TEST(ValidateHostile, DevZeroIsV001) {
  expect_one(validate("/dev/zero"), "/dev/zero", Code::V001,
             "cannot be read: it is a device, not a file (renaksi reads only regular files, at most 16 MiB)");
  TempDir dir("validate-zero");
  fs::create_symlink("/dev/zero", dir.path() / "z.xml");
  expect_one(validate(dir.path() / "z.xml"), dir.path() / "z.xml", Code::V001,
             "cannot be read: it is a device, not a file (renaksi reads only regular files, at most 16 MiB)");
}

TEST(ValidateHostile, AFileLargerThanTheBoundIsV001) {
  TempDir dir("validate-large");
  const fs::path big = dir.path() / "big.xml";
  testing::write_text(big, std::string(limits::kMaxInputFileBytes + 1, ' '));
  expect_one(validate(big), big, Code::V001, "cannot be read: it is larger than 16 MiB, more than renaksi reads");
}

TEST(ValidateHostile, AFolderAndALoopAreL001) {
  TempDir dir("validate-folder");
  expect_one(validate(dir.path()), dir.path(), Code::L001, "cannot be read: it is a folder, not a file");
  fs::create_symlink("l.xml", dir.path() / "l.xml");
  expect_one(validate(dir.path() / "l.xml"), dir.path() / "l.xml", Code::L001,
             "cannot be read: it is a loop of symbolic links");
}

TEST(ValidateHostile, ReadingBackAFifoIsL001WithoutBlocking) {
  TempDir dir("read-back-fifo");
  const fs::path fifo = dir.path() / "s.ogp.xml";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  Diagnostics diags;
  auto plan = testing::bounded([&] { return ogp::read_ogp_submission_file(fifo, diags); }, {fifo},
                               std::chrono::seconds(10));
  EXPECT_FALSE(plan);
  ASSERT_EQ(diags.all().size(), 1u) << printed(diags);
  EXPECT_EQ(diags.all().front().code, Code::L001);
}

}  // namespace
}  // namespace renaksi
