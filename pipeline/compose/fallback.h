// The translation fallback of texts compose writes into sentences, names and the cover: which
// language's text a language shows where its own is missing, and how it is marked.
#pragma once

#include <string>
#include <vector>

#include "doc/prose_ast.h"
#include "locale/locale.h"
#include "model/plan.h"

namespace renaksi {

class Fallback {
 public:
  // `edition_langs`: the edition's languages; in an edition of several, a missing text gets the
  // mark alone (the other language's text is beside it).
  Fallback(const Plan& plan, const std::vector<std::string>& edition_langs, const Locales& locales);

  struct Shown {
    std::string text;  // the text shown: `lang`'s own, else another language's, else empty
    std::string lang;  // the language of a stand-in; empty when `text` is the language's own
    bool missing = false;  // `lang`'s own text is missing (whether or not another stands in)
  };
  // The text of `t` for `lang`: its own; else, in a single-language edition, that of the
  // administrative language, else of the plan's first other language that has one.
  Shown pick(const LocalizedText& t, const std::string& lang) const;

  // The text of `t` as inlines: a stand-in or a missing text marked (prose::Inline::Kind::StandIn).
  prose::Inlines inlines(const LocalizedText& t, const std::string& lang) const;

  // The catalogue's message `key` with `args`, its argument `name` filled by `t` (inlines(t)):
  // "Komitmen 1: <the English title> [belum diterjemahkan]".
  prose::Inlines message(const std::string& lang, const std::string& key, std::vector<MessageArg> args,
                         const std::string& name, const LocalizedText& t) const;

  // The mark beside a stand-in, from `lang`'s catalogue ("[belum diterjemahkan]").
  std::string mark(const std::string& lang) const;

  // `text` in `lang` marked as standing in; the mark alone when `text` is empty.
  prose::Inlines marked(prose::Inlines text, const std::string& text_lang, const std::string& lang) const;

 private:
  const Plan& plan_;
  bool several_ = false;
  std::string admin_;
  const Locales& locales_;
};

// Plain text as inlines (nothing for an empty text).
prose::Inlines text_inlines(const std::string& s);

// An argument of a catalogue message that is inlines (a link, a marked stand-in), not text.
struct InlineArg {
  std::string name;
  prose::Inlines value;
};
// The catalogue's message `key` of `locale` with `args`, each of `slots` put in where its
// argument stands: the message is formatted with a private-use character per slot, then cut there.
prose::Inlines spliced_message(const Locale& locale, const std::string& key, std::vector<MessageArg> args,
                               std::vector<InlineArg> slots);

}  // namespace renaksi
