#include "nlq/parser/typo_correction.h"

#include <algorithm>
#include <optional>
#include <string>

#include "nba/entity/edit_distance.h"
#include "nlq/parser/lexicon.h"

namespace nba::nlq {
namespace {

constexpr std::size_t kMinTypoLength = 5;
constexpr std::size_t kMaxTypos = 2;  // more unknown words: another language, or junk

// The bucket of a word's first letter; nullopt for a word that starts with no letter a-z.
std::optional<std::size_t> bucketOf(std::string_view word) {
  if (word.empty() || word.front() < 'a' || word.front() > 'z') return std::nullopt;
  return static_cast<std::size_t>(word.front() - 'a');
}

bool oneTypoApart(std::string_view typed, std::string_view word) {
  const std::size_t longer = std::max(word.size(), typed.size());
  const std::size_t shorter = std::min(word.size(), typed.size());
  return longer - shorter <= 1 && entity::boundedEditDistance(typed, word, 1) == 1;
}

// The one word of `words` that `typed` is a typo of, or nullopt (none, or several).
std::optional<std::string_view> soleNear(std::string_view typed,
                                         const std::vector<std::string_view>& words) {
  std::optional<std::string_view> found;
  for (std::string_view word : words) {
    if (!oneTypoApart(typed, word) || (found && *found == word)) continue;
    if (found) return std::nullopt;  // a second candidate: no guess between two
    found = word;
  }
  return found;
}

}  // namespace

TypoCorrector::TypoCorrector(const NameVocabulary& vocabulary) : vocabulary_(vocabulary) {
  for (std::string_view word : Lexicon::get().longWords()) {
    if (auto bucket = bucketOf(word)) question_words_[*bucket].push_back(word);
  }
  for (std::string_view word : vocabulary.words()) {
    if (word.size() + 1 < kMinTypoLength) continue;  // "nugets" (6) may miss one of 7
    if (auto bucket = bucketOf(word)) name_words_[*bucket].push_back(word);
  }
  for (auto* buckets : {&question_words_, &name_words_}) {
    for (auto& words : *buckets) std::sort(words.begin(), words.end());
  }
}

void TypoCorrector::correct(TokenizedText* text) const {
  std::vector<std::size_t> unknown;
  for (std::size_t i = 0; i < text->tokens.size(); ++i) {
    const std::string_view word = text->token(i);
    if (text->tokens[i].shape == TokenShape::kWord && word.size() >= kMinTypoLength &&
        !vocabulary_.contains(word) && !Lexicon::get().knowsWord(word) && numberValue(word) < 0) {
      unknown.push_back(i);
    }
  }
  if (unknown.empty() || unknown.size() > kMaxTypos) return;
  std::vector<std::string> replacement(text->tokens.size());
  bool any = false;
  for (const std::size_t i : unknown) {
    const std::string_view word = text->token(i);
    const auto bucket = bucketOf(word);
    if (!bucket) continue;
    // A question word first ("seasn" is "season", not the name Sean), else a name word.
    auto correction = soleNear(word, question_words_[*bucket]);
    if (!correction) correction = soleNear(word, name_words_[*bucket]);
    if (correction) {
      replacement[i] = std::string(*correction);
      any = true;
    }
  }
  if (any) rewriteTokens(replacement, text);
}

}  // namespace nba::nlq
