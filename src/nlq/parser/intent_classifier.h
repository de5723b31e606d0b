#pragma once

#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include "nlq/parser/parsed_query.h"
#include "nlq/parser/token_labels.h"

namespace nba::nlq {

// Word ranges [first, last) of the parts of a question. A separator ("and", "also", "plus")
// starts a new part only when both sides carry their own intent cue, so "compare LeBron and
// KD" stays one part and "top scorers and the East standings" becomes two.
std::vector<std::pair<std::size_t, std::size_t>> splitParts(const TokenLabels& labels);

// The intent of one part from its cue words (labels in [first, last)) and its slots, with a
// confidence in 0..1; nullopt when the part asks for nothing recognizable. Pure.
std::optional<std::pair<IntentKind, double>> classifyPart(const TokenLabels& labels,
                                                          std::size_t first, std::size_t last,
                                                          const QuerySlots& slots);

}  // namespace nba::nlq
