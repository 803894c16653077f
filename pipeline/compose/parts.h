// A composed block's parts: one doc::Localized per language of an edition, in column order.
#pragma once

#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "doc/document.h"

namespace renaksi {

// One part per language of `langs`, each holding make(lang), with no stand-in (compose attaches
// those once every edition is made).
template <typename F>
auto localized_parts(const std::vector<std::string>& langs, F&& make) {
  using T = std::decay_t<decltype(make(std::string()))>;
  std::vector<doc::Localized<T>> out;
  for (const auto& lang : langs) out.push_back({lang, make(lang), std::nullopt, {}, {}});
  return out;
}

}  // namespace renaksi
