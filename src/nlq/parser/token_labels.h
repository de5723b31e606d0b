#pragma once

#include <vector>

#include "nlq/parser/lexicon.h"

namespace nba::nlq {

// What the parser decided about one word of the question. A phrase's entry is set on every
// word of the phrase, with `head` on its first word.
struct TokenLabel {
  LexRole role = LexRole::kNone;
  const LexEntry* entry = nullptr;
  bool head = false;
  bool slot = false;    // consumed by a season, date, limit, … pattern
  bool entity = false;  // part of a player or team mention
};

using TokenLabels = std::vector<TokenLabel>;

// True for a word no table claimed: a candidate name word (or an unknown word).
inline bool isFreeWord(const TokenLabel& label) {
  return label.role == LexRole::kNone && !label.slot && !label.entity;
}

}  // namespace nba::nlq
