// Myers' O(ND) difference over ICU word tokens. No library on the build machine does this
// (LIBRARIES.md lists none; diff-match-patch works on characters and is not packaged for C++),
// so it is written here, small and bounded.
#include "diff/word_diff.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

namespace renaksi::diff {

bool WordDiff::changed() const {
  return std::any_of(pieces.begin(), pieces.end(), [](const Piece& p) { return p.op != Op::Same; });
}

std::vector<std::string> word_tokens(std::string_view text, std::string_view lang) {
  std::vector<std::string> out;
  if (text.empty()) return out;
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale(std::string(lang).c_str()), status));
  if (U_FAILURE(status) || !it) {  // no segmentation data: one token per character run between spaces
    std::string cur;
    for (char c : text) {
      const bool space = c == ' ' || c == '\n' || c == '\t';
      if (!cur.empty() && space != (cur.back() == ' ' || cur.back() == '\n' || cur.back() == '\t')) {
        out.push_back(std::move(cur));
        cur.clear();
      }
      cur += c;
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
  }
  it->setText(u);
  int32_t start = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    std::string piece;
    u.tempSubStringBetween(start, end).toUTF8String(piece);
    out.push_back(std::move(piece));
  }
  return out;
}

namespace {

using Tokens = std::vector<std::string>;

void push(std::vector<Piece>& out, Op op, const std::string& text) {
  if (text.empty()) return;
  if (!out.empty() && out.back().op == op)
    out.back().text += text;
  else
    out.push_back({op, text});
}

// The shortest edit script of a[0..n) into b[0..m), or false past kMaxEdits. `ops` gets one
// op per token, in order (Same consumes one of each, Delete one of a, Insert one of b).
bool myers(const Tokens& a, size_t a0, size_t n, const Tokens& b, size_t b0, size_t m, std::vector<Op>& ops) {
  const long N = static_cast<long>(n), M = static_cast<long>(m);
  const long max = std::min<long>(N + M, static_cast<long>(kMaxEdits));
  std::vector<long> v(static_cast<size_t>(2 * max + 3), 0);
  const long off = max + 1;
  std::vector<std::vector<long>> trace;  // trace[d][k + d] = furthest x on diagonal k after d edits
  long end_d = -1;
  for (long d = 0; d <= max && end_d < 0; ++d) {
    for (long k = -d; k <= d; k += 2) {
      long x = (k == -d || (k != d && v[k - 1 + off] < v[k + 1 + off])) ? v[k + 1 + off] : v[k - 1 + off] + 1;
      long y = x - k;
      while (x < N && y < M && a[a0 + x] == b[b0 + y]) ++x, ++y;
      v[k + off] = x;
      if (x >= N && y >= M) end_d = d;
    }
    trace.emplace_back(v.begin() + (off - d), v.begin() + (off + d + 1));
  }
  if (end_d < 0) return false;
  std::vector<Op> rev;
  long x = N, y = M;
  for (long d = end_d; d > 0; --d) {
    const std::vector<long>& pv = trace[static_cast<size_t>(d - 1)];
    auto at = [&](long k) { return pv[static_cast<size_t>(k + d - 1)]; };
    const long k = x - y;
    const bool down = k == -d || (k != d && at(k - 1) < at(k + 1));
    const long pk = down ? k + 1 : k - 1;
    const long px = at(pk), py = px - pk;
    const long mx = down ? px : px + 1;  // where the edit lands, before the snake
    while (x > mx) rev.push_back(Op::Same), --x, --y;
    rev.push_back(down ? Op::Insert : Op::Delete);
    x = px, y = py;
  }
  while (x > 0) rev.push_back(Op::Same), --x;
  ops.assign(rev.rbegin(), rev.rend());
  return true;
}

bool blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; });
}

// Each run of changes (and the bare spaces between two of them) as one deletion then one
// insertion: "[-a b-]{+c d+}", not "[-a-]{+c+} [-b-]{+d+}".
std::vector<Piece> grouped(const std::vector<Piece>& raw) {
  std::vector<Piece> out;
  std::string del, ins;
  auto flush = [&] {
    push(out, Op::Delete, del);
    push(out, Op::Insert, ins);
    del.clear(), ins.clear();
  };
  for (size_t i = 0; i < raw.size(); ++i) {
    const Piece& p = raw[i];
    if (p.op == Op::Delete) del += p.text;
    else if (p.op == Op::Insert) ins += p.text;
    else if (blank(p.text) && (!del.empty() || !ins.empty()) && i + 1 < raw.size() && raw[i + 1].op != Op::Same &&
             p.text.size() < 3) {
      del += p.text, ins += p.text;
    } else {
      flush();
      push(out, Op::Same, p.text);
    }
  }
  flush();
  return out;
}

}  // namespace

WordDiff diff_words(std::string_view old_text, std::string_view new_text, std::string_view lang) {
  WordDiff result;
  if (old_text == new_text) {
    if (!old_text.empty()) result.pieces.push_back({Op::Same, std::string(old_text)});
    return result;
  }
  const Tokens a = word_tokens(old_text, lang), b = word_tokens(new_text, lang);
  size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
  size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre && a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) ++suf;
  const size_t n = a.size() - pre - suf, m = b.size() - pre - suf;
  std::vector<Piece> raw;
  for (size_t i = 0; i < pre; ++i) push(raw, Op::Same, a[i]);
  std::vector<Op> ops;
  if (n <= kMaxTokens && m <= kMaxTokens && myers(a, pre, n, b, pre, m, ops)) {
    size_t i = pre, j = pre;
    for (Op op : ops) {
      if (op == Op::Same) push(raw, Op::Same, a[i++]), ++j;
      else if (op == Op::Delete) push(raw, Op::Delete, a[i++]);
      else push(raw, Op::Insert, b[j++]);
    }
  } else {
    result.whole = true;
    std::string del, ins;
    for (size_t i = pre; i < pre + n; ++i) del += a[i];
    for (size_t j = pre; j < pre + m; ++j) ins += b[j];
    push(raw, Op::Delete, del);
    push(raw, Op::Insert, ins);
  }
  for (size_t i = a.size() - suf; i < a.size(); ++i) push(raw, Op::Same, a[i]);
  result.pieces = grouped(raw);
  return result;
}

}  // namespace renaksi::diff
