// The command line's mistakes in renaksi's words.
#include "cli/usage_errors.h"

#include <algorithm>
#include <charconv>
#include <vector>

#include "diag/diagnostic.h"
#include "text/suggest.h"

namespace renaksi {

namespace {

std::string in_quotes(std::string_view s) { return "'" + printable(std::string(s)) + "'"; }

// "renaksi build" for a subcommand, "renaksi" for the app itself.
std::string who(const CLI::App& app, const CLI::App& command) {
  return &command == &app ? std::string("renaksi") : "renaksi " + command.get_name();
}

std::string help_hint(const CLI::App& app, const CLI::App& command) {
  return "('" + who(app, command) + " --help' lists " + (&command == &app ? "the commands" : "its options") + ")";
}

// Every name an option of `command` answers to: "--out", "-o", …
std::vector<std::string> option_names(const CLI::App& command) {
  std::vector<std::string> names;
  for (const CLI::Option* opt : command.get_options()) {
    for (const auto& l : opt->get_lnames()) names.push_back("--" + l);
    for (const auto& s : opt->get_snames()) names.push_back("-" + s);
  }
  return names;
}

// The option of `command` that `message` names first ("--out: …", "… to --out, …"): CLI11
// puts the option's name in its messages; only the name is taken from them.
const CLI::Option* option_named_in(const CLI::App& command, std::string_view message) {
  const CLI::Option* best = nullptr;
  size_t best_at = std::string_view::npos, best_len = 0;
  for (const CLI::Option* opt : command.get_options()) {
    const std::string name = opt->get_name();
    if (name.empty()) continue;
    for (size_t at = message.find(name); at != std::string_view::npos; at = message.find(name, at + 1)) {
      // a whole name: not "--out" inside "--output"
      const size_t end = at + name.size();
      const bool whole = (at == 0 || message[at - 1] == ' ') && (end == message.size() || message[end] == ' ' ||
                                                                   message[end] == ':' || message[end] == ',');
      if (!whole) continue;
      if (at < best_at || (at == best_at && name.size() > best_len)) {
        best = opt;
        best_at = at;
        best_len = name.size();
      }
      break;
    }
  }
  return best;
}

// "which folder?" for a missing positional, "--x is needed" for a missing option.
std::string missing(const CLI::App& command) {
  for (const CLI::Option* opt : command.get_options()) {
    if (!opt->get_required() || opt->count() > 0) continue;
    std::string what = opt->get_name();
    const std::string description = opt->get_description();
    if (opt->get_positional() && opt->get_lnames().empty() && opt->get_snames().empty()) {
      std::replace(what.begin(), what.end(), '-', ' ');
      return "which " + what + "? " + opt->get_description();
    }
    return what + " is needed" + (description.empty() ? "" : " (" + description + ")");
  }
  return "something is missing";
}

// An option that belongs to another command than `command`: "serve".
std::string command_with_option(const CLI::App& app, std::string_view name) {
  for (const CLI::App* sub : app.get_subcommands({})) {
    const std::vector<std::string> names = option_names(*sub);
    if (std::find(names.begin(), names.end(), name) != names.end()) return sub->get_name();
  }
  return {};
}

std::string unknown_option(const CLI::App& app, const CLI::App& command, std::string_view word) {
  const std::string_view name = word.substr(0, word.find('='));
  // Only long names are near enough to guess at: "-x" is one letter from every short option.
  std::vector<std::string> names = option_names(command);
  std::erase_if(names, [](const std::string& n) { return !n.starts_with("--"); });
  std::vector<std::string_view> choices(names.begin(), names.end());
  const std::string near = name.starts_with("--") ? nearest(name, choices) : std::string();
  if (!near.empty()) return "unknown option " + in_quotes(name) + "; did you mean '" + near + "'?";
  const std::string other = command_with_option(app, name);
  if (!other.empty()) {
    if (&command == &app)
      return in_quotes(name) + " is an option of a command: the command comes first (renaksi " + other + " " +
             printable(std::string(name)) + " …)";
    return in_quotes(name) + " is an option of 'renaksi " + other + "', not of '" + who(app, command) + "'";
  }
  if (&command == &app) return "unknown option " + in_quotes(name) + "; the command comes first: renaksi COMMAND [OPTIONS]";
  return "unknown option " + in_quotes(name) + " " + help_hint(app, command);
}

// The words CLI11 could not place, the parsed command's first.
std::vector<std::string> unplaced(const CLI::App& app, const CLI::App& command) {
  std::vector<std::string> words = command.remaining(false);
  for (auto& w : app.remaining(true))
    if (std::find(words.begin(), words.end(), w) == words.end()) words.push_back(w);
  return words;
}

std::string extras(const CLI::App& app, const CLI::App& command) {
  const std::vector<std::string> words = unplaced(app, command);
  for (const auto& w : words)
    if (w.size() > 1 && w.front() == '-') return unknown_option(app, command, w);
  if (!words.empty()) return "unexpected argument " + in_quotes(words.front()) + " " + help_hint(app, command);
  return "unexpected arguments " + help_hint(app, command);
}

std::string value_problem(const CLI::App& app, const CLI::App& command, std::string_view message) {
  const CLI::Option* opt = option_named_in(command, message);
  if (!opt) return "a value is not one renaksi can use " + help_hint(app, command);
  const std::string name = opt->get_name();
  if (opt->get_expected_max() == 0) return name + " takes no value (it is on when given)";
  return name + " needs a value" + (opt->get_option_text().empty() ? "" : " (" + opt->get_option_text() + ")");
}

// "--a excludes --b" -> "--a does not go with --b"; "--a requires --b" -> "--a needs --b".
std::string pair_problem(const CLI::App& command, std::string_view message, std::string_view verb, std::string_view ours) {
  const size_t at = message.find(verb);
  if (at == std::string_view::npos) return std::string(ours);
  const CLI::Option* first = option_named_in(command, message.substr(0, at));
  const CLI::Option* second = option_named_in(command, message.substr(at + verb.size()));
  if (!first || !second) return "these options do not go together";
  return first->get_name() + std::string(ours) + second->get_name();
}

}  // namespace

std::string usage_message(const CLI::App& app, const CLI::App& command, const CLI::ParseError& e) {
  const std::string_view what = e.what();
  std::string message;
  if (dynamic_cast<const CLI::ValidationError*>(&e)) {
    // renaksi's own checks (path_checks.h, the validators below) wrote the text after the name.
    message = what;
  } else if (dynamic_cast<const CLI::RequiredError*>(&e)) {
    message = &command == &app ? "which command? " + help_hint(app, app) : missing(command);
  } else if (dynamic_cast<const CLI::ExtrasError*>(&e)) {
    message = extras(app, command);
  } else if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) || dynamic_cast<const CLI::ConversionError*>(&e)) {
    message = value_problem(app, command, what);
  } else if (dynamic_cast<const CLI::ExcludesError*>(&e)) {
    message = pair_problem(command, what, " excludes ", " does not go with ");
  } else if (dynamic_cast<const CLI::RequiresError*>(&e)) {
    message = pair_problem(command, what, " requires ", " needs ");
  } else {
    message = "this command line cannot be read " + help_hint(app, command);
  }
  return who(app, command) + ": " + message;
}

std::string misplaced_word_message(const CLI::App& app, std::string_view word) {
  std::vector<std::string_view> commands;
  for (const CLI::App* sub : app.get_subcommands({})) commands.push_back(sub->get_name());
  std::string command_list;
  for (std::string_view c : commands) command_list += (command_list.empty() ? "" : ", ") + std::string(c);
  if (word.size() > 1 && word.front() == '-') {
    const std::vector<std::string> own = option_names(app);
    if (std::find(own.begin(), own.end(), word.substr(0, word.find('='))) != own.end()) return {};
    const std::string message = "renaksi: " + unknown_option(app, app, word);
    return message.ends_with("[OPTIONS]") ? message + " (commands: " + command_list + ")" : message;
  }
  if (std::find(commands.begin(), commands.end(), word) != commands.end()) return {};
  const std::string near = nearest(word, commands);
  return "renaksi: " + in_quotes(word) + " is not a command" + (near.empty() ? "" : "; did you mean '" + near + "'?") +
         " (commands: " + command_list + ")";
}

CLI::Validator whole_number_from(long low, long high) {
  const std::string range = std::to_string(low) + " to " + std::to_string(high);
  return CLI::Validator(
      [low, high, range](const std::string& s) {
        long n = 0;
        const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
        if (ec != std::errc() || end != s.data() + s.size() || n < low || n > high)
          return in_quotes(s) + " is not a whole number from " + range;
        return std::string();
      },
      "");
}

CLI::Validator one_of(std::vector<std::string> choices) {
  return CLI::Validator(
      [choices](const std::string& s) {
        if (std::find(choices.begin(), choices.end(), s) != choices.end()) return std::string();
        std::string list;
        for (const auto& c : choices) list += (list.empty() ? "" : ", ") + c;
        std::vector<std::string_view> views(choices.begin(), choices.end());
        const std::string near = nearest(s, views);
        return in_quotes(s) + " is not one of: " + list + (near.empty() ? "" : "; did you mean '" + near + "'?");
      },
      "");
}

}  // namespace renaksi
