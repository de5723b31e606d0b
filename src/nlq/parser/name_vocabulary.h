#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <unordered_set>

#include "domain/player.h"
#include "domain/rows.h"
#include "domain/team.h"

namespace nba::nlq {

// Every word that can start or be part of a player or team name: names, nicknames, team
// cities, abbreviations and slang, normalized like question words (tokenizer.h). The parser
// asks the entity resolver only about runs of words that contain one of these (or unknown
// words that may be typos), which keeps a parse to a few resolver calls.
// Immutable after construction; const methods are thread-safe.
class NameVocabulary {
 public:
  // Adds the words of `name` ("Shai Gilgeous-Alexander" → shai, gilgeous, alexander).
  void addName(std::string_view name);
  bool contains(std::string_view word) const { return words_.count(word) != 0; }
  std::size_t size() const { return words_.size(); }
  const std::unordered_set<std::string_view>& words() const { return words_; }

 private:
  std::deque<std::string> storage_;
  std::unordered_set<std::string_view> words_;
};

// The vocabulary of `players` and `teams` (a source's full lists), plus the resolver's
// built-in player nicknames, team slang and city aliases.
NameVocabulary vocabularyFrom(const Rows<Player>& players, const Rows<Team>& teams);

}  // namespace nba::nlq
