#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "nba/entity/entity_types.h"

namespace nba::entity {

// Two candidates whose confidences differ by less than this are a tie: the resolver has no
// basis to choose, so the resolution is marked ambiguous.
inline constexpr double kAmbiguityMargin = 0.05;

// Turns the candidates found for `query_text` into a Resolution: ranks them (confidence,
// then name, so output is deterministic), keeps at most `limit`, sets `ambiguous`, and writes
// the note a person reads ("'Davis' matched 2 players; chose Anthony Davis ..."). When there
// are no candidates the note says so and `did_you_mean` is copied in. Pure; thread-safe.
Resolution buildResolution(std::string_view query_text, std::vector<Candidate> candidates,
                           std::size_t limit, std::vector<std::string> did_you_mean);

}  // namespace nba::entity
