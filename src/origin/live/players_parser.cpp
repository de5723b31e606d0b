#include <algorithm>
#include <cstdint>

#include "origin/live/stats_parsers.h"
#include "origin/live/stats_table.h"

namespace nba::live {

Result<std::vector<Player>> parsePlayers(const nlohmann::json& response,
                                         const TeamDirectory& teams) {
  auto table = StatsTable::find(response, "commonallplayers", "CommonAllPlayers");
  if (!table.ok()) {
    return table.status();
  }
  const StatsTable& t = table.value();
  auto cols = t.columns(
      {"PERSON_ID", "DISPLAY_FIRST_LAST", "ROSTERSTATUS", "FROM_YEAR", "TO_YEAR", "TEAM_ID"});
  if (!cols.ok()) {
    return cols.status();
  }
  const auto& c = cols.value();
  std::vector<Player> players;
  players.reserve(t.rowCount());
  for (std::size_t row = 0; row < t.rowCount(); ++row) {
    const auto id = t.whole(row, c[0]);
    const std::string name = t.text(row, c[1]);
    if (!id || *id <= 0 || name.empty()) {
      continue;  // NBA.com lists a few placeholder rows; nobody can ask about them
    }
    Player player;
    player.nba_id = *id;
    player.player_id = std::to_string(*id);
    player.name = name;
    player.active = t.whole(row, c[2]).value_or(0) == 1;
    if (auto from = t.whole(row, c[3])) player.from_year = static_cast<int>(*from);
    if (auto to = t.whole(row, c[4])) player.to_year = static_cast<int>(*to);
    if (const Team* team = teams.byId(t.whole(row, c[5]).value_or(0))) {
      player.last_team = team->abbr;
    }
    players.push_back(std::move(player));
  }
  // Ordered by name, then id. Sorting positions moves 4-byte indices, not Players.
  std::vector<std::uint32_t> order(players.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return std::tie(players[a].name, players[a].player_id) <
           std::tie(players[b].name, players[b].player_id);
  });
  std::vector<Player> sorted;
  sorted.reserve(players.size());
  for (std::uint32_t i : order) sorted.push_back(std::move(players[i]));
  return sorted;
}

// The columns read above: a test checks that the slim parse of the recorded response gives
// the same players as the whole one.
const std::vector<std::string>& playersColumns() {
  static const std::vector<std::string> kColumns = {
      "PERSON_ID", "DISPLAY_FIRST_LAST", "ROSTERSTATUS", "FROM_YEAR", "TO_YEAR", "TEAM_ID"};
  return kColumns;
}

}  // namespace nba::live
