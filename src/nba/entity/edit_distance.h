#pragma once

#include <cstddef>
#include <string_view>

namespace nba::entity {

// Longest string boundedEditDistance compares; longer inputs count as "too far" unless
// equal. Names and normalized queries are far shorter (queries are capped upstream).
inline constexpr std::size_t kMaxEditLength = 64;

// Damerau–Levenshtein distance in its optimal-string-alignment form (insert, delete,
// substitute, transpose two adjacent characters; each costs 1), compared byte-wise on
// normalized ASCII keys. Stops early and returns `max_distance + 1` as soon as the distance
// is known to exceed `max_distance`. O(|a|·|b|) worst case, no allocation. Pure; thread-safe.
int boundedEditDistance(std::string_view a, std::string_view b, int max_distance);

// The typo budget for a key of `length` characters: 0 up to 3 characters (no fuzzy
// matching of abbreviations like "XYZ"), 1 up to 5, 2 up to 9, then 3.
int typoBudget(std::size_t length);

}  // namespace nba::entity
