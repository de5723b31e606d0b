#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace nba::entity {

// A query in every normalized form the indexes are keyed by. Built once per resolution.
struct NameQuery {
  std::string text;                 // the caller's text, trimmed, for notes
  std::vector<std::string> tokens;  // tokenizeName + stripNameSuffixes
  std::string spaced;               // "pj washington"
  std::string compact;              // "pjwashington"
  std::string alias_spaced;         // spaced without a leading "the": "greek freak"
  std::string alias_compact;        // "greekfreak"
};

// Normalizes `text` (see name_normalize.h). The result has no tokens when the text has no
// letters or digits. Pure; thread-safe.
NameQuery makeNameQuery(std::string_view text);

// Keys for an alias (nickname, slang) the way NameQuery::alias_* are built, so a table entry
// "The Greek Freak" and a query "greek freak" meet. Returns {spaced, compact}.
std::pair<std::string, std::string> aliasKeys(std::string_view alias);

}  // namespace nba::entity
