#include "nba/entity/name_normalize.h"

#include <array>

#include "nba/entity/latin_fold.h"
#include "nba/entity/utf8_decode.h"

namespace nba::entity {
namespace {

// Characters that belong inside a word rather than between words: "P.J.", "De'Aaron",
// "O’Neal" (U+2019), "Sha`Quille", "Hawai\u02BBi".
bool isJoiner(char32_t code_point) {
  return code_point == '.' || code_point == '\'' || code_point == '`' || code_point == 0x2018 ||
         code_point == 0x2019 || code_point == 0x02BC || code_point == 0x02BB;
}

constexpr std::array<std::string_view, 5> kSuffixes = {"jr", "sr", "ii", "iii", "iv"};

}  // namespace

std::vector<std::string> tokenizeName(std::string_view text) {
  std::vector<std::string> tokens;
  std::string current;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t code_point = decodeUtf8(text, &pos);
    bool is_mark = false;
    const std::string_view folded = foldCodePoint(code_point, &is_mark);
    if (!folded.empty()) {
      current.append(folded);
    } else if (!is_mark && !isJoiner(code_point) && !current.empty()) {
      tokens.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) {
    tokens.push_back(std::move(current));
  }
  return tokens;
}

bool isNameSuffix(std::string_view token) {
  for (std::string_view suffix : kSuffixes) {
    if (token == suffix) {
      return true;
    }
  }
  return false;
}

void stripNameSuffixes(std::vector<std::string>* tokens) {
  while (tokens->size() > 1 && isNameSuffix(tokens->back())) {
    tokens->pop_back();
  }
}

std::string joinTokens(const std::vector<std::string>& tokens, std::string_view separator) {
  std::string joined;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (i > 0) {
      joined.append(separator);
    }
    joined.append(tokens[i]);
  }
  return joined;
}

std::string normalizeName(std::string_view text) {
  std::vector<std::string> tokens = tokenizeName(text);
  stripNameSuffixes(&tokens);
  return joinTokens(tokens, " ");
}

}  // namespace nba::entity
