#include "nlq/parser/bare_possessive.h"

#include <string>
#include <vector>

#include "nlq/parser/lexicon.h"

namespace nba::nlq {
namespace {

constexpr std::size_t kMinPossessiveLength = 4;  // "als", "jas": too short to tell

bool isBarePossessive(std::string_view word, const NameVocabulary& vocabulary) {
  if (word.size() < kMinPossessiveLength || word.back() != 's') return false;
  if (vocabulary.contains(word) || Lexicon::get().find(word) != nullptr) return false;
  return vocabulary.contains(word.substr(0, word.size() - 1));
}

}  // namespace

void dropBarePossessives(const NameVocabulary& vocabulary, TokenizedText* text) {
  std::vector<std::string> replacement(text->tokens.size());
  bool any = false;
  for (std::size_t i = 0; i < text->tokens.size(); ++i) {
    const std::string_view word = text->token(i);
    if (text->tokens[i].shape == TokenShape::kWord && isBarePossessive(word, vocabulary)) {
      replacement[i] = std::string(word.substr(0, word.size() - 1));
      text->tokens[i].capitalized = true;
      any = true;
    }
  }
  if (any) rewriteTokens(replacement, text);  // the usual case: nothing rebuilt
}

}  // namespace nba::nlq
