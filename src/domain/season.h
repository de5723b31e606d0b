#pragma once

#include <compare>
#include <string>
#include <string_view>

namespace nba {

// An NBA season, named by the calendar year it starts in: {2024} is "2024-25".
// (basketball-reference names seasons by the end year, NBA.com's SEASON_ID is "2" + start
// year; both are converted at the edges.) Value type, thread-compatible.
struct Season {
  int start_year = 0;

  // "2024-25".
  std::string label() const;
  // The calendar year the season ends in: 2025 for 2024-25.
  int endYear() const { return start_year + 1; }

  auto operator<=>(const Season&) const = default;
};

// Which games of a season: the regular season or the playoffs.
enum class SeasonType { kRegularSeason, kPlayoffs };

// "Regular Season" | "Playoffs", as NBA.com and the tools' arguments spell them.
std::string_view seasonTypeName(SeasonType type);

}  // namespace nba
