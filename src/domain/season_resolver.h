#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "domain/season.h"

namespace nba {

// The season in progress (or last finished, in the offseason) at `now`: the one starting this
// calendar year from October on, else the one that started last year. Uses UTC dates.
Season seasonAt(std::chrono::system_clock::time_point now);

// Whether `season` has begun by `now`: true for seasonAt(now) and every earlier season. A
// season that begins later has no figures yet at that date, so wherever a tool lists seasons
// the caller did not name (careers, award histories, fallbacks), it must leave it out, even
// when a source holds data for it (an offline snapshot recorded later than a fixed clock).
// seasonKnownAt(2025-26, 2025-04-14) is false; seasonKnownAt(2025-26, 2025-10-01) is true.
bool seasonKnownAt(Season season, std::chrono::system_clock::time_point now);

// "2026-27 has not started yet; the current season is 2025-26": the answer to a request that
// names a season after seasonAt(now).
Status seasonNotStarted(Season season, std::chrono::system_clock::time_point now);

// Parses an explicit season: "2024-25", "2024-2025", "2024/25", or a single year meaning the
// season that ends in it ("2025" -> 2024-25). Only the shape is checked here.
// kInvalidArgument with a message a person can act on: "'abc' is not a season; ...",
// "2024-26 is not a season: 2024 is followed by 2025 (2024-25)".
Result<Season> parseSeasonText(std::string_view text);

// A season chosen for a request, and whether it had to fall back.
struct SeasonResolution {
  Season season;
  bool fell_back = false;
  std::string note;  // when fell_back: "2026-27 has no data yet; using 2025-26, the latest"
};

// Resolves what a user wrote — an explicit season, "this season" / "current" / "" (the
// default), "last season" / "previous season" — against a clock and the seasons a source
// has (`available`, any order, may be empty). Rules (DESIGN §5):
// * "this season" is seasonAt(clock); when that season has no data, the latest available
//   season is used and the resolution says so (fell_back, note). Same for "last season" and
//   for an explicit season that is the current one but has no data yet.
// * An explicit season before 1946-47 (the first BAA/NBA season) or after the current one is
//   kInvalidArgument ("1850-51 is before the first NBA season, 1946-47", "2030-31 has not
//   started yet; the current season is 2025-26").
// * A valid past season without data is kNotFound, listing the available seasons.
// Pure function; thread-safe.
Result<SeasonResolution> resolveSeason(std::string_view text, const Clock& clock,
                                       const std::vector<Season>& available);

// "2023-24, 2024-25, 2025-26".
std::string seasonList(const std::vector<Season>& seasons);

}  // namespace nba
