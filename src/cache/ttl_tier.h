#pragma once

#include <array>
#include <chrono>
#include <optional>
#include <string_view>

namespace nba::cache {

// How long an entry stays fresh (DESIGN §6), chosen per request by what it holds.
enum class TtlTier {
  kLive,        // today's scoreboard, games in progress, the schedule ahead
  kDaily,       // the season in progress
  kHistorical,  // past seasons
  kStatic,      // the team list, the player index
};
inline constexpr std::size_t kTierCount = 4;

// "live", "daily", "historical", "static".
std::string_view tierName(TtlTier tier);
std::optional<TtlTier> tierFromName(std::string_view name);

// Freshness per tier, and how long past it an entry may still be served: at once while it is
// refreshed in the background (stale-while-revalidate, up to one more TTL), or when the
// origin fails (stale-if-error, up to max_stale after it was stored). Value type.
struct TtlPolicy {
  std::array<std::chrono::seconds, kTierCount> fresh{std::chrono::seconds(30),
                                                     std::chrono::hours(1), std::chrono::hours(24),
                                                     std::chrono::hours(24 * 7)};
  std::chrono::seconds max_stale = std::chrono::hours(24 * 7);

  std::chrono::seconds freshFor(TtlTier tier) const {
    return fresh[static_cast<std::size_t>(tier)];
  }
};

}  // namespace nba::cache
