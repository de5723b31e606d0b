#include "nba/entity/resolver_from_data.h"

namespace nba::entity {

Result<std::unique_ptr<EntityResolver>> newResolverFromData(const DataSource& data,
                                                            const CallContext& context) {
  auto players = data.players(context);
  if (!players.ok()) {
    return players.status();
  }
  auto teams = data.teams(context);
  if (!teams.ok()) {
    return teams.status();
  }
  std::vector<PlayerEntry> player_entries;
  player_entries.reserve(players->rows.size());
  for (const auto& player : players->rows) {
    player_entries.push_back({player.player_id, player.name, player.last_team, player.active,
                              static_cast<double>(player.prominence)});
  }
  std::vector<TeamEntry> team_entries;
  team_entries.reserve(teams->rows.size());
  for (const auto& team : teams->rows) {
    team_entries.push_back({team.team_id, team.abbr, team.bbref_abbr, team.city, team.nickname,
                            team.conference, team.division});
  }
  return newEntityResolver(std::move(player_entries), std::move(team_entries));
}

}  // namespace nba::entity
