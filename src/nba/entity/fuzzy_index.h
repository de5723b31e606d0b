#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nba::entity {

// A set of normalized keys (name tokens, team names) searchable by bounded edit distance.
// To stay fast it compares a query only with keys that could plausibly be the same word
// typed with mistakes: keys of a length within the budget that start with the query's first
// or second character, or whose second character is the query's first (this covers a wrong,
// missing, extra or swapped character anywhere except a wrong first letter). Before the edit
// distance it checks the sets of characters: each edit adds or removes at most one character
// from a word's set, so keys whose set differs from the query's by more than the budget are
// skipped without computing anything.
//
// Built once by build(); immutable afterwards and safe for concurrent find() calls.
class FuzzyIndex {
 public:
  struct Hit {
    std::uint32_t key_index;
    int distance;
  };

  FuzzyIndex() = default;

  // `entries` pairs a non-empty normalized key with an opaque posting (e.g. a player
  // index); one key may carry several postings. Empty keys are skipped.
  static FuzzyIndex build(const std::vector<std::pair<std::string, std::uint32_t>>& entries);

  // Appends to `hits` every key within `max_distance` of `query` (see the class comment
  // for which keys are compared). Exact matches are reported with distance 0.
  void find(std::string_view query, int max_distance, std::vector<Hit>* hits) const;

  std::string_view key(std::uint32_t key_index) const { return keys_[key_index]; }
  const std::vector<std::uint32_t>& postings(std::uint32_t key_index) const {
    return postings_[key_index];
  }

 private:
  using Bucket = std::vector<std::uint32_t>;  // key indices sorted by key length

  void scanBucket(const Bucket& bucket, std::string_view query, int max_distance, char skip_first_a,
                  char skip_first_b, std::vector<Hit>* hits) const;

  std::vector<std::string> keys_;
  std::vector<std::uint64_t> letter_sets_;  // bit per character class present in keys_[i]
  std::vector<std::vector<std::uint32_t>> postings_;
  std::array<Bucket, 256> by_first_char_;
  std::array<Bucket, 256> by_second_char_;
};

}  // namespace nba::entity
