// The command line's mistakes in renaksi's words: what CLI11 refused (a missing folder, an
// unknown option, a value that is not one), said without the library's wording, with a "did
// you mean" when a known name is near.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <string_view>

namespace renaksi {

// One line (no newline) for a command line that `command` (the subcommand CLI11 was parsing,
// or the top-level app) refused with `e`: "renaksi build: unknown option '--otu'; did you mean
// '--out'?", "renaksi check: the plan folder is missing (…)".
std::string usage_message(const CLI::App& app, const CLI::App& command, const CLI::ParseError& e);

// The message for an option written before the command, or a word that is no command:
// "renaksi: '--watch' is an option of 'renaksi serve'", "renaksi: 'bild' is not a command; did
// you mean 'build'? (commands: …)". Empty when `word` is a command or a top-level option.
std::string misplaced_word_message(const CLI::App& app, std::string_view word);

// A CLI11 check that the value is a whole number from `low` to `high`, said in renaksi's words:
// "'abc' is not a whole number from 1 to 3600".
CLI::Validator whole_number_from(long low, long high);

// A CLI11 check that the value is one of `choices`, in renaksi's words, with a "did you mean":
// "'docment' is not one of: document; did you mean 'document'?".
CLI::Validator one_of(std::vector<std::string> choices);

}  // namespace renaksi
