#include "cache/ttl_tier.h"

namespace nba::cache {
namespace {

constexpr std::array<std::string_view, kTierCount> kNames = {"live", "daily", "historical",
                                                             "static"};

}  // namespace

std::string_view tierName(TtlTier tier) { return kNames[static_cast<std::size_t>(tier)]; }

std::optional<TtlTier> tierFromName(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<TtlTier>(i);
  }
  return std::nullopt;
}

}  // namespace nba::cache
