// The translation fallback of compose's own sentences, names and cover lines.
#include "compose/fallback.h"

namespace renaksi {

using prose::Inline;
using prose::Inlines;

namespace {
// Stands for the argument in a formatted message, to be cut out and replaced by inlines: a
// private-use character no catalogue or content uses.
constexpr const char* kSlot = "\xEE\x80\x80";  // U+E000
}  // namespace

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
  args.push_back({name, std::string(kSlot)});
  const std::string formatted = it->second->message(key, args);
  const size_t at = formatted.find(kSlot);
  if (at == std::string::npos) return text_inlines(formatted);
  Inlines out = text_inlines(formatted.substr(0, at));
  // A message that ends in a space before the slot ("Komitmen 1: ") keeps it.
  for (auto& i : marked(text_inlines(s.text), s.lang, lang)) out.push_back(std::move(i));
  for (auto& i : text_inlines(formatted.substr(at + std::string(kSlot).size()))) out.push_back(std::move(i));
  return out;
}

}  // namespace renaksi
