#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace nba::nlq {

// A team's names by its NBA.com abbreviation, for sentences about games.
struct TeamNaming {
  std::string name;      // "Portland Trail Blazers"
  std::string nickname;  // "Trail Blazers"
};
using TeamNames = std::map<std::string, TeamNaming, std::less<>>;

// Sentences that answer a question about games in words, where the tools answer with a table
// of abbreviations. Pure.

// From a get_schedule structuredContent of exactly one played game: "The Los Angeles Lakers
// lost to the Portland Trail Blazers 109-81 on the road on 2025-04-13."
std::optional<std::string> oneGameSentence(const nlohmann::json& structured,
                                           const TeamNames& teams);

// From a get_live_scores structuredContent with final scores: "Final scores on 2025-04-13:
// Hawks 117, Magic 105; Knicks 113, Nets 105; …" (winner first).
std::optional<std::string> finalScoresSentence(const nlohmann::json& structured,
                                               const TeamNames& teams);

}  // namespace nba::nlq
