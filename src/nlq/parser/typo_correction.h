#pragma once

#include <array>
#include <string_view>
#include <vector>

#include "nlq/parser/name_vocabulary.h"
#include "nlq/parser/tokenizer.h"

namespace nba::nlq {

// "last seasn", "nuggets last 5 gmaes", "nugets games": a word of five letters or more that
// is neither a question word nor a name is read as the one question word or name word one
// typo away (insert, delete, substitute, swap two letters; same first letter). None, or
// more than one, leaves it as typed: a guess between two words is no correction. A question
// word beats a name ("seasn" is "season", not Sean). Words of a known phrase ("rating" of
// "net rating") are known; more than two unknown words (another language, junk) are left.
// Built once over a vocabulary that must outlive it; immutable, thread-safe.
class TypoCorrector {
 public:
  explicit TypoCorrector(const NameVocabulary& vocabulary);

  void correct(TokenizedText* text) const;

 private:
  using Buckets = std::array<std::vector<std::string_view>, 26>;  // by first letter a-z

  const NameVocabulary& vocabulary_;
  Buckets question_words_;
  Buckets name_words_;
};

}  // namespace nba::nlq
