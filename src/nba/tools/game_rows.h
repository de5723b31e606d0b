#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "domain/game.h"
#include "domain/table.h"
#include "nba/tools/tool_env.h"

namespace nba::tools {

// Shared pieces of the game tools (scores, schedule, head-to-head, box score). Pure
// functions; thread-safe.

// One finished game as the output schemas' "game" object: date, game_id (null when the
// source has none), away, home, away_pts, home_pts, winner, status ("Final"), kind.
nlohmann::json gameJson(const Game& game);

// "BOS 126, LAL 115" (winner first).
std::string winnerFirstScore(const Game& game);

// "NBA Cup final (not counted in standings)" / "neutral site" / "" for a plain game.
std::string gameKindNote(const Game& game);

// The games table of one season; kNotFound names the seasons with data.
Result<Table<Game>> seasonGames(const ToolEnv& env, Season season,
                                const std::optional<std::string>& team = std::nullopt,
                                const std::optional<std::string>& date_from = std::nullopt,
                                const std::optional<std::string>& date_to = std::nullopt);

// "2024-10-22 to 2025-04-13" for a season's games table, "" when it has none. Reads the
// whole season; call it on error paths only.
std::string seasonDateSpan(const ToolEnv& env, Season season);

// "2023-24: 2023-10-24 to 2024-04-14; 2024-25: …" over every season with data.
std::string coveredDateSpans(const ToolEnv& env);

}  // namespace nba::tools
