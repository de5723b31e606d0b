#include "domain/table.h"

namespace nba {

std::string_view coverageName(Coverage coverage) {
  return coverage == Coverage::kPartial ? "partial" : "complete";
}

const char* cacheStateName(CacheState state) {
  switch (state) {
    case CacheState::kMiss:
      return "miss";
    case CacheState::kHit:
      return "hit";
    case CacheState::kStale:
      return "stale";
  }
  return "miss";
}

std::optional<CacheState> cacheStateFromName(std::string_view name) {
  for (CacheState state : {CacheState::kMiss, CacheState::kHit, CacheState::kStale}) {
    if (name == cacheStateName(state)) return state;
  }
  return std::nullopt;
}

CacheState combineCacheStates(CacheState a, CacheState b) {
  if (a == CacheState::kStale || b == CacheState::kStale) return CacheState::kStale;
  if (a == CacheState::kHit && b == CacheState::kHit) return CacheState::kHit;
  return CacheState::kMiss;
}

}  // namespace nba
