#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace nba::live {

// An NBA.com date in any of the formats its endpoints use, as "YYYY-MM-DD":
// "2025-10-21" (leaguegamelog), "APR 14, 2024" (teamgamelog), "Feb 20, 2026" (playergamelog),
// "2026-02-22T00:00:00" (scoreboardv2), "2026-02-22T00:30:00Z", "10/21/2025 00:00:00" (the
// cdn schedule) and "1/1/2024" (playerawards' MONTH). Empty when it is none of
// them or not a calendar date.
std::optional<std::string> parseNbaDate(std::string_view text);

}  // namespace nba::live
