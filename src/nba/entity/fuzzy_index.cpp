#include "nba/entity/fuzzy_index.h"

#include <algorithm>
#include <bit>
#include <unordered_map>

#include "nba/entity/edit_distance.h"

namespace nba::entity {
namespace {

unsigned char charAt(std::string_view text, std::size_t i) {
  return i < text.size() ? static_cast<unsigned char>(text[i]) : 0;
}

// Bit per character: a–z → bits 0–25, 0–9 → 26–35, anything else → 36.
std::uint64_t letterSet(std::string_view text) {
  std::uint64_t set = 0;
  for (const char c : text) {
    if (c >= 'a' && c <= 'z') {
      set |= std::uint64_t{1} << (c - 'a');
    } else if (c >= '0' && c <= '9') {
      set |= std::uint64_t{1} << (26 + (c - '0'));
    } else {
      set |= std::uint64_t{1} << 36;
    }
  }
  return set;
}

// A lower bound of the edit distance: every character missing from either side costs an edit.
int letterSetDistance(std::uint64_t a, std::uint64_t b) {
  return std::max(std::popcount(a & ~b), std::popcount(b & ~a));
}

}  // namespace

FuzzyIndex FuzzyIndex::build(const std::vector<std::pair<std::string, std::uint32_t>>& entries) {
  FuzzyIndex index;
  std::unordered_map<std::string, std::uint32_t> key_ids;
  for (auto& [key, posting] : entries) {
    if (key.empty()) {
      continue;
    }
    auto [it, inserted] = key_ids.try_emplace(key, static_cast<std::uint32_t>(index.keys_.size()));
    if (inserted) {
      index.letter_sets_.push_back(letterSet(key));
      index.keys_.push_back(key);
      index.postings_.emplace_back();
    }
    std::vector<std::uint32_t>& postings = index.postings_[it->second];
    if (std::find(postings.begin(), postings.end(), posting) == postings.end()) {
      postings.push_back(posting);
    }
  }
  for (std::uint32_t i = 0; i < index.keys_.size(); ++i) {
    index.by_first_char_[charAt(index.keys_[i], 0)].push_back(i);
    if (index.keys_[i].size() > 1) {
      index.by_second_char_[charAt(index.keys_[i], 1)].push_back(i);
    }
  }
  const auto by_length = [&index](std::uint32_t a, std::uint32_t b) {
    return index.keys_[a].size() < index.keys_[b].size();
  };
  for (auto* buckets : {&index.by_first_char_, &index.by_second_char_}) {
    for (Bucket& bucket : *buckets) {
      std::stable_sort(bucket.begin(), bucket.end(), by_length);
    }
  }
  return index;
}

void FuzzyIndex::find(std::string_view query, int max_distance, std::vector<Hit>* hits) const {
  if (query.empty()) {
    return;
  }
  const char first = query[0];
  const char second = query.size() > 1 ? query[1] : '\0';
  // Each key is compared once: later buckets skip keys an earlier bucket already covered.
  scanBucket(by_first_char_[charAt(query, 0)], query, max_distance, '\0', '\0', hits);
  if (second != '\0' && second != first) {
    scanBucket(by_first_char_[charAt(query, 1)], query, max_distance, first, '\0', hits);
  }
  scanBucket(by_second_char_[charAt(query, 0)], query, max_distance, first, second, hits);
}

void FuzzyIndex::scanBucket(const Bucket& bucket, std::string_view query, int max_distance,
                            char skip_first_a, char skip_first_b, std::vector<Hit>* hits) const {
  const std::size_t min_length =
      query.size() > static_cast<std::size_t>(max_distance) ? query.size() - max_distance : 0;
  const std::size_t max_length = query.size() + max_distance;
  const std::uint64_t query_set = letterSet(query);
  auto it = std::lower_bound(bucket.begin(), bucket.end(), min_length,
                             [this](std::uint32_t key_index, std::size_t length) {
                               return keys_[key_index].size() < length;
                             });
  for (; it != bucket.end() && keys_[*it].size() <= max_length; ++it) {
    const std::string& key = keys_[*it];
    if ((skip_first_a != '\0' && key[0] == skip_first_a) ||
        (skip_first_b != '\0' && key[0] == skip_first_b)) {
      continue;
    }
    if (letterSetDistance(query_set, letter_sets_[*it]) > max_distance) {
      continue;
    }
    const int distance = boundedEditDistance(query, key, max_distance);
    if (distance <= max_distance) {
      hits->push_back({*it, distance});
    }
  }
}

}  // namespace nba::entity
