#include "nlq/parser/bare_possessive.h"

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
  std::vector<bool> possessive(text->tokens.size(), false);
  bool any = false;
  for (std::size_t i = 0; i < text->tokens.size(); ++i) {
    possessive[i] =
        text->tokens[i].shape == TokenShape::kWord && isBarePossessive(text->token(i), vocabulary);
    any = any || possessive[i];
  }
  if (!any) return;  // the usual case: nothing rebuilt
  std::string rebuilt;
  rebuilt.reserve(text->text.size());
  for (std::size_t i = 0; i < text->tokens.size(); ++i) {
    Token& token = text->tokens[i];
    std::string_view word = text->token(i);
    if (possessive[i]) {
      word.remove_suffix(1);
      token.capitalized = true;
    }
    if (i > 0) rebuilt += ' ';
    const auto begin = static_cast<std::uint32_t>(rebuilt.size());
    rebuilt += word;
    token.begin = begin;
    token.end = static_cast<std::uint32_t>(rebuilt.size());
  }
  text->text = std::move(rebuilt);
}

}  // namespace nba::nlq
