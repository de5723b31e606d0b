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

Result<NameVocabulary> vocabularyFromData(const DataSource& data) {
  auto players = data.players();
  if (!players.ok()) {
    return players.status();
  }
  auto teams = data.teams();
  if (!teams.ok()) {
    return teams.status();
  }
  NameVocabulary vocabulary;
  for (const Player& player : players->rows) {
    vocabulary.addName(player.name);
    vocabulary.addName(player.nba_name);
  }
  for (const Team& team : teams->rows) {
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
