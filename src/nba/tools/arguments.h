#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "domain/player.h"
#include "domain/season.h"
#include "domain/team.h"
#include "nba/stats/stat_catalog.h"
#include "nba/tools/tool_answer.h"
#include "nba/tools/tool_env.h"

namespace nba::tools {

// Decoders for the arguments every tool shares. The server has already checked types
// against the schema; these resolve meaning (names, seasons) and fail with messages a
// person can act on. All are pure functions of their inputs; thread-safe.

// The season a call is about, and a note when it fell back ("2026-27 has no data yet;
// using 2025-26, the latest").
struct SeasonChoice {
  Season season;
  std::string note;
};

// Reads `season` (absent → "this season"; a string "2024-25", "2025", "this season",
// "last season"; or an integer 2025 meaning the season ending in 2025). Errors name the
// seasons with data.
Result<SeasonChoice> seasonArgument(const nlohmann::json& arguments, const ToolEnv& env,
                                    const char* key = "season");

// A player named by the user, resolved to one player. Ambiguity → kInvalidArgument
// listing the candidates; nothing close → kNotFound with "did you mean". `note` explains
// a non-obvious choice ("'Davis' matched 3 players; chose Anthony Davis …").
struct ResolvedPlayer {
  Player player;
  std::string note;
};
Result<ResolvedPlayer> resolvePlayerName(const std::string& query, const ToolEnv& env);
Result<ResolvedPlayer> playerArgument(const nlohmann::json& arguments, const ToolEnv& env,
                                      const char* key = "player");

// A team named by the user (name, city, nickname, either abbreviation scheme, slang).
struct ResolvedTeam {
  Team team;
  std::string note;
};
Result<ResolvedTeam> resolveTeamName(const std::string& query, const ToolEnv& env);
Result<ResolvedTeam> teamArgument(const nlohmann::json& arguments, const ToolEnv& env,
                                  const char* key = "team");

// `per_mode` (absent → PerGame).
// A leaderboard's `team` filter, checked against its `conference`: nullopt when absent;
// kInvalidArgument when the team plays in the other conference.
Result<std::optional<ResolvedTeam>> teamInConference(const nlohmann::json& arguments,
                                                     const ToolEnv& env,
                                                     const std::optional<std::string>& conference);

stats::PerMode perModeArgument(const nlohmann::json& arguments);

// A stat named by code or common words; unknown → kInvalidArgument listing valid codes.
Result<const stats::StatDef*> statArgument(const std::string& text);

// The seasons with data, oldest first, for text that only mentions them (an error message, a
// note): empty when the source cannot say (it failed to load, and the call fails on its own).
std::vector<SeasonCoverage> seasonsForText(const ToolEnv& env);

// True when `key` is present and not null (an argument the caller gave).
bool hasValue(const nlohmann::json& arguments, const char* key);

// An optional string argument; nullopt when absent or null.
std::optional<std::string> optionalString(const nlohmann::json& arguments, const char* key);

// A tool error from a Status: its message, as an isError answer.
ToolAnswer errorAnswer(const Status& status);

// "East" for the Atlantic, Central and Southeast divisions, else "West".
std::string conferenceOfDivision(std::string_view division);

// A conference and a division both given must agree: kInvalidArgument "The Pacific division
// is in the West, not the East." otherwise.
Status checkDivisionInConference(const std::string& division, const std::string& conference);

}  // namespace nba::tools
