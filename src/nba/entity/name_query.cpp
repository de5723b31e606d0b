#include "nba/entity/name_query.h"

#include "core/ascii.h"
#include "nba/entity/name_normalize.h"

namespace nba::entity {
namespace {

// Drops a leading "the" when something follows: "The Process" and "Process" are one alias.
std::vector<std::string> withoutArticle(std::vector<std::string> tokens) {
  if (tokens.size() > 1 && tokens.front() == "the") {
    tokens.erase(tokens.begin());
  }
  return tokens;
}

}  // namespace

NameQuery makeNameQuery(std::string_view text) {
  NameQuery query;
  query.text = std::string(trimAscii(text));
  query.tokens = tokenizeName(query.text);
  stripNameSuffixes(&query.tokens);
  query.spaced = joinTokens(query.tokens, " ");
  query.compact = joinTokens(query.tokens, "");
  const std::vector<std::string> alias_tokens = withoutArticle(query.tokens);
  query.alias_spaced = joinTokens(alias_tokens, " ");
  query.alias_compact = joinTokens(alias_tokens, "");
  return query;
}

std::pair<std::string, std::string> aliasKeys(std::string_view alias) {
  std::vector<std::string> tokens = tokenizeName(alias);
  stripNameSuffixes(&tokens);
  tokens = withoutArticle(std::move(tokens));
  return {joinTokens(tokens, " "), joinTokens(tokens, "")};
}

}  // namespace nba::entity
