#include <cmath>
#include <optional>

#include "origin/live/json_fields.h"
#include "origin/live/stats_parsers.h"

namespace nba::live {
namespace {

using nlohmann::json;

long long personId(const json& player) {
  auto it = player.find("personId");
  if (it == player.end() || !it->is_number_integer()) return 0;
  const long long id = it->get<long long>();
  return id > 0 ? id : 0;
}

// "19:09" → 19, "34:40" → 35; nullopt for "" (did not play) or anything else.
std::optional<int> wholeMinutes(const std::string& minutes) {
  const auto colon = minutes.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 3 != minutes.size()) return std::nullopt;
  int m = 0, s = 0;
  for (char c : minutes.substr(0, colon)) {
    if (c < '0' || c > '9' || m > 99) return std::nullopt;
    m = m * 10 + (c - '0');
  }
  for (char c : minutes.substr(colon + 1)) {
    if (c < '0' || c > '9') return std::nullopt;
    s = s * 10 + (c - '0');
  }
  if (s > 59) return std::nullopt;
  return m + (s >= 30 ? 1 : 0);
}

void addTeam(const json& team, const json& other, const std::string& game_id, Season season,
             bool home, std::vector<BoxScorePlayer>& out) {
  auto players = team.find("players");
  if (players == team.end() || !players->is_array()) return;
  for (const json& player : *players) {
    const json& stats = objectField(player, "statistics");
    const auto minutes = wholeMinutes(textField(stats, "minutes"));
    if (!minutes) continue;  // a DNP, or no line
    BoxScorePlayer p;
    GameLogRow& r = p.line;
    r.season = season;
    r.game_id = game_id;
    r.player_id = std::to_string(personId(player));
    r.team = textField(team, "teamTricode");
    r.opponent = textField(other, "teamTricode");
    r.home = home;
    r.min = *minutes;
    r.pts = countField(stats, "points"), r.reb = countField(stats, "reboundsTotal");
    r.oreb = countField(stats, "reboundsOffensive"),
    r.dreb = countField(stats, "reboundsDefensive");
    r.ast = countField(stats, "assists"), r.stl = countField(stats, "steals");
    r.blk = countField(stats, "blocks"), r.tov = countField(stats, "turnovers");
    r.pf = countField(stats, "foulsPersonal");
    r.fgm = countField(stats, "fieldGoalsMade"), r.fga = countField(stats, "fieldGoalsAttempted");
    r.fg3m = countField(stats, "threePointersMade"),
    r.fg3a = countField(stats, "threePointersAttempted");
    r.ftm = countField(stats, "freeThrowsMade"), r.fta = countField(stats, "freeThrowsAttempted");
    if (auto pm = stats.find("plusMinusPoints"); pm != stats.end() && pm->is_number()) {
      r.plus_minus = countField(stats, "plusMinusPoints");
    }
    p.name = textField(player, "firstName") + " " + textField(player, "familyName");
    out.push_back(std::move(p));
  }
}

}  // namespace

Result<std::vector<BoxScorePlayer>> parseBoxScoreV3(const json& response, Season season) {
  const json& box = objectField(response, "boxScoreTraditional");
  const json& home = objectField(box, "homeTeam");
  const json& away = objectField(box, "awayTeam");
  if (home.empty() || away.empty()) {
    return dataLoss(
        "stats.nba.com boxscoretraditionalv3: the response has no "
        "boxScoreTraditional.homeTeam/awayTeam");
  }
  const std::string game_id = textField(box, "gameId");
  std::vector<BoxScorePlayer> lines;
  addTeam(away, home, game_id, season, false, lines);
  addTeam(home, away, game_id, season, true, lines);
  for (const BoxScorePlayer& p : lines) {
    if (p.line.player_id == "0") {
      return dataLoss("stats.nba.com boxscoretraditionalv3: a player has no personId");
    }
  }
  return lines;
}

}  // namespace nba::live
