#include "nlq/parser/name_vocabulary.h"

#include "nba/entity/player_nicknames.h"
#include "nba/entity/team_aliases.h"
#include "nlq/parser/tokenizer.h"

namespace nba::nlq {

void NameVocabulary::addName(std::string_view name) {
  TokenizedText tokens;
  tokenizeQuestion(name, 16, &tokens);
  for (std::size_t i = 0; i < tokens.tokens.size(); ++i) {
    const std::string_view word = tokens.token(i);
    if (words_.count(word) == 0) {
      storage_.emplace_back(word);
      words_.insert(storage_.back());
    }
  }
}

NameVocabulary vocabularyFrom(const Rows<Player>& players, const Rows<Team>& teams) {
  NameVocabulary vocabulary;
  for (const Player& player : players) {
    vocabulary.addName(player.name);
    vocabulary.addName(player.nba_name);
  }
  for (const Team& team : teams) {
    vocabulary.addName(team.abbr);
    vocabulary.addName(team.bbref_abbr);
    vocabulary.addName(team.city);
    vocabulary.addName(team.nickname);
    vocabulary.addName(team.bbref_name);
  }
  for (const entity::PlayerNickname& nickname : entity::playerNicknames()) {
    vocabulary.addName(nickname.nickname);
  }
  for (const entity::TeamAlias& alias : entity::teamAliases()) {
    vocabulary.addName(alias.alias);
  }
  for (const entity::CityAlias& alias : entity::cityAliases()) {
    vocabulary.addName(alias.city);
  }
  return vocabulary;
}

}  // namespace nba::nlq
