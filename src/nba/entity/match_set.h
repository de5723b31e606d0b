#pragma once

#include <cstdint>
#include <vector>

#include "nba/entity/entity_types.h"

namespace nba::entity {

// One entity (by its index in an index's own table) and its best match so far.
struct ScoredMatch {
  std::uint32_t index = 0;
  double confidence = 0;
  MatchKind match = MatchKind::kExactName;
};

// Collects matches while an index runs its stages, keeping the best per entity.
// Candidate sets are small (tens), so a flat vector beats a map. Not thread-safe; one per
// resolution.
class MatchSet {
 public:
  void offer(std::uint32_t index, double confidence, MatchKind match) {
    for (ScoredMatch& existing : matches_) {
      if (existing.index == index) {
        if (confidence > existing.confidence) {
          existing.confidence = confidence;
          existing.match = match;
        }
        return;
      }
    }
    matches_.push_back({index, confidence, match});
  }

  double bestConfidence() const {
    double best = 0;
    for (const ScoredMatch& match : matches_) {
      best = match.confidence > best ? match.confidence : best;
    }
    return best;
  }

  bool empty() const { return matches_.empty(); }
  std::vector<ScoredMatch>& matches() { return matches_; }
  const std::vector<ScoredMatch>& matches() const { return matches_; }

 private:
  std::vector<ScoredMatch> matches_;
};

}  // namespace nba::entity
