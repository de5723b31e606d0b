#include <cmath>
#include <optional>

#include "origin/live/stats_parsers.h"

namespace nba::live {
namespace {

using nlohmann::json;

const json& member(const json& object, const char* key) {
  static const json kEmpty = json::object();
  auto it = object.find(key);  // end() on a non-object
  return it != object.end() && it->is_object() ? *it : kEmpty;
}

int count(const json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_number()) return 0;
  const double value = it->get<double>();
  return value > -1000 && value < 1000 ? static_cast<int>(std::lround(value)) : 0;
}

long long personId(const json& player) {
  auto it = player.find("personId");
  if (it == player.end() || !it->is_number_integer()) return 0;
  const long long id = it->get<long long>();
  return id > 0 ? id : 0;
}

std::string text(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
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
    const json& stats = member(player, "statistics");
    const auto minutes = wholeMinutes(text(stats, "minutes"));
    if (!minutes) continue;  // a DNP, or no line
    BoxScorePlayer p;
    GameLogRow& r = p.line;
    r.season = season;
    r.game_id = game_id;
    r.player_id = std::to_string(personId(player));
    r.team = text(team, "teamTricode");
    r.opponent = text(other, "teamTricode");
    r.home = home;
    r.min = *minutes;
    r.pts = count(stats, "points"), r.reb = count(stats, "reboundsTotal");
    r.oreb = count(stats, "reboundsOffensive"), r.dreb = count(stats, "reboundsDefensive");
    r.ast = count(stats, "assists"), r.stl = count(stats, "steals");
    r.blk = count(stats, "blocks"), r.tov = count(stats, "turnovers");
    r.pf = count(stats, "foulsPersonal");
    r.fgm = count(stats, "fieldGoalsMade"), r.fga = count(stats, "fieldGoalsAttempted");
    r.fg3m = count(stats, "threePointersMade"), r.fg3a = count(stats, "threePointersAttempted");
    r.ftm = count(stats, "freeThrowsMade"), r.fta = count(stats, "freeThrowsAttempted");
    if (auto pm = stats.find("plusMinusPoints"); pm != stats.end() && pm->is_number()) {
      r.plus_minus = count(stats, "plusMinusPoints");
    }
    p.name = text(player, "firstName") + " " + text(player, "familyName");
    out.push_back(std::move(p));
  }
}

}  // namespace

Result<std::vector<BoxScorePlayer>> parseBoxScoreV3(const json& response, Season season) {
  const json& box = member(response, "boxScoreTraditional");
  const json& home = member(box, "homeTeam");
  const json& away = member(box, "awayTeam");
  if (home.empty() || away.empty()) {
    return dataLoss(
        "stats.nba.com boxscoretraditionalv3: the response has no "
        "boxScoreTraditional.homeTeam/awayTeam");
  }
  const std::string game_id = text(box, "gameId");
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
