#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "nlq/parser/parsed_query.h"

namespace nba::nlq {

// A sentence answering exactly the stats a question named, where the tool's own sentence
// summarises a whole line: "how many points does Jokic average" → "Nikola Jokić averaged
// 29.6 points per game in 2024-25 (70 games)." nullopt when the question named no stat the
// result has. Pure.

// From a get_player_stats structuredContent.
std::optional<std::string> playerStatSentence(const QuerySlots& slots,
                                              const nlohmann::json& structured);

// When every stat the question named is one the player's line has no value for ("LeBron's
// usage rate in 2023-24", a season whose advanced columns are empty), the sentence that says
// so: "The data has no usage rate for LeBron James in 2023-24." nullopt when the line has one
// of them, or the question named none. Pure.
std::optional<std::string> playerStatsWithoutValue(const QuerySlots& slots,
                                                   const nlohmann::json& structured);

// From a get_team_stats structuredContent: "The Boston Celtics had an offensive rating of
// 120.6 (1st in the NBA) in 2024-25."
std::optional<std::string> teamStatSentence(const QuerySlots& slots,
                                            const nlohmann::json& structured);

// A stat label as words inside a sentence: "Offensive rating (points scored per 100
// possessions)" → "offensive rating"; "PER" stays. Pure.
std::string statPhrase(const std::string& label);

// `object[key]` by reference, or an empty JSON null when absent (no copy). Pure.
const nlohmann::json& memberOr(const nlohmann::json& object, const char* key);

// "a", "b and c", "a, b and c". Pure.
std::string joinAnd(const std::vector<std::string>& items);

}  // namespace nba::nlq
