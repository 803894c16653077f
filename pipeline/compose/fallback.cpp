// The translation fallback of compose's own sentences, names and cover lines.
#include "compose/fallback.h"

namespace renaksi {

using prose::Inline;
using prose::Inlines;

namespace {
// Stands for the i-th inline argument in a formatted message, to be cut out and replaced by its
// inlines: a private-use character (U+E000 + i) no catalogue or content uses.
std::string slot_mark(size_t i) {
  const unsigned cp = 0xE000 + static_cast<unsigned>(i);
  return {static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
}
}  // namespace

Inlines spliced_message(const Locale& locale, const std::string& key, std::vector<MessageArg> args,
                        std::vector<InlineArg> slots) {
  std::vector<std::string> marks;
  for (size_t i = 0; i < slots.size(); ++i) {
    marks.push_back(slot_mark(i));
    args.push_back({slots[i].name, marks.back()});
  }
  const std::string whole = locale.message(key, args);
  Inlines out;
  size_t from = 0;
  // Each step consumes a slot mark or the rest of the message: bounded by the message's length.
  while (from < whole.size()) {
    size_t at = std::string::npos, which = 0;
    for (size_t i = 0; i < marks.size(); ++i)
      if (const size_t f = whole.find(marks[i], from); f < at) {
        at = f;
        which = i;
      }
    for (auto& i : text_inlines(whole.substr(from, at == std::string::npos ? std::string::npos : at - from)))
      out.push_back(std::move(i));
    if (at == std::string::npos) break;
    out.insert(out.end(), slots[which].value.begin(), slots[which].value.end());
    from = at + marks[which].size();
  }
  return out;
}

Inlines text_inlines(const std::string& s) {
  Inlines out;
  if (!s.empty()) out.push_back({Inline::Kind::Text, s, {}, true, {}, {}, {}});
  return out;
}

Fallback::Fallback(const Plan& plan, const std::vector<std::string>& edition_langs, const Locales& locales)
    : plan_(plan), several_(edition_langs.size() > 1), locales_(locales) {
  for (const auto& l : plan.languages)
    if (l.administrative && admin_.empty()) admin_ = l.code;
  if (admin_.empty() && !plan.languages.empty()) admin_ = plan.languages.front().code;
}

Fallback::Shown Fallback::pick(const LocalizedText& t, const std::string& lang) const {
  Shown s;
  s.text = std::string(t.in(lang));
  if (!s.text.empty()) return s;
  // Missing only where some other language has it (a text no language has is simply absent).
  for (const auto& l : plan_.languages)
    if (l.code != lang && !t.in(l.code).empty()) s.missing = true;
  if (!s.missing || several_) return s;
  auto take = [&](const std::string& other) {
    if (other == lang || !s.lang.empty()) return;
    std::string v(t.in(other));
    if (!v.empty()) {
      s.text = std::move(v);
      s.lang = other;
    }
  };
  take(admin_);
  for (const auto& l : plan_.languages) take(l.code);
  return s;
}

std::string Fallback::mark(const std::string& lang) const {
  auto it = locales_.find(lang);
  return it == locales_.end() ? std::string() : it->second->message("stand_in.mark");
}

Inlines Fallback::marked(Inlines text, const std::string& text_lang, const std::string& lang) const {
  Inline i;
  i.kind = Inline::Kind::StandIn;
  i.text = mark(lang);
  i.lang = text.empty() ? std::string() : text_lang;
  i.children = std::move(text);
  return {std::move(i)};
}

Inlines Fallback::inlines(const LocalizedText& t, const std::string& lang) const {
  Shown s = pick(t, lang);
  if (!s.missing) return text_inlines(s.text);
  return marked(text_inlines(s.text), s.lang, lang);
}

Inlines Fallback::message(const std::string& lang, const std::string& key, std::vector<MessageArg> args,
                          const std::string& name, const LocalizedText& t) const {
  const auto it = locales_.find(lang);
  if (it == locales_.end()) return {};
  Shown s = pick(t, lang);
  if (!s.missing) {
    args.push_back({name, s.text});
    return text_inlines(it->second->message(key, args));
  }
  return spliced_message(*it->second, key, std::move(args), {{name, marked(text_inlines(s.text), s.lang, lang)}});
}

}  // namespace renaksi
