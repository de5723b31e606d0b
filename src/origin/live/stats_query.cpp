#include "origin/live/stats_query.h"

#include <algorithm>
#include <cstdio>

namespace nba::live {
namespace {

using Params = std::vector<std::pair<std::string, std::string>>;

StatsQuery sorted(std::string endpoint, Params params) {
  std::sort(params.begin(), params.end());
  return StatsQuery{std::move(endpoint), std::move(params)};
}

// The parameters leaguedashplayerstats and leaguedashteamstats share, with nba_api's
// defaults: no filter, whole season.
Params dashParams(Season season, SeasonType type, std::string_view measure) {
  return {{"Conference", ""},     {"DateFrom", ""},
          {"DateTo", ""},         {"Division", ""},
          {"GameScope", ""},      {"GameSegment", ""},
          {"LastNGames", "0"},    {"LeagueID", "00"},
          {"Location", ""},       {"MeasureType", std::string(measure)},
          {"Month", "0"},         {"OpponentTeamID", "0"},
          {"Outcome", ""},        {"PORound", "0"},
          {"PaceAdjust", "N"},    {"PerMode", "Totals"},
          {"Period", "0"},        {"PlayerExperience", ""},
          {"PlayerPosition", ""}, {"PlusMinus", "N"},
          {"Rank", "N"},          {"Season", season.label()},
          {"SeasonSegment", ""},  {"SeasonType", std::string(statsSeasonType(type))},
          {"ShotClockRange", ""}, {"StarterBench", ""},
          {"TeamID", "0"},        {"TwoWay", "0"},
          {"VsConference", ""},   {"VsDivision", ""}};
}

}  // namespace

std::string percentEncode(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~';
    if (unreserved) {
      out += static_cast<char>(c);
    } else {
      char escaped[4];
      std::snprintf(escaped, sizeof escaped, "%%%02X", c);
      out += escaped;
    }
  }
  return out;
}

std::string StatsQuery::url(std::string_view base) const {
  std::string out(base);
  while (!out.empty() && out.back() == '/') out.pop_back();
  out += "/" + endpoint;
  char separator = '?';
  for (const auto& [name, value] : params) {
    out += separator + percentEncode(name) + "=" + percentEncode(value);
    separator = '&';
  }
  return out;
}

std::string StatsQuery::upstream() const {
  std::string text = "stats.nba.com " + endpoint;
  for (const auto& [name, value] : params) {
    if (name == "Season" || name == "PlayerID" || name == "MeasureType" || name == "GameDate" ||
        name == "GameID") {
      text += " " + value;
    }
  }
  return text;
}

std::string_view statsSeasonType(SeasonType type) {
  return type == SeasonType::kPlayoffs ? "Playoffs" : "Regular Season";
}

StatsQuery leagueDashPlayerStats(Season season, SeasonType type, std::string_view measure) {
  Params params = dashParams(season, type, measure);
  for (const char* name : {"College", "Country", "DraftPick", "DraftYear", "Height", "Weight"}) {
    params.emplace_back(name, "");
  }
  return sorted("leaguedashplayerstats", std::move(params));
}

StatsQuery leagueDashTeamStats(Season season, SeasonType type, std::string_view measure) {
  return sorted("leaguedashteamstats", dashParams(season, type, measure));
}

StatsQuery leagueStandingsV3(Season season) {
  return sorted("leaguestandingsv3", {{"LeagueID", "00"},
                                      {"Season", season.label()},
                                      {"SeasonType", "Regular Season"},
                                      {"SeasonYear", ""}});
}

StatsQuery commonAllPlayers(Season current) {
  return sorted("commonallplayers",
                {{"IsOnlyCurrentSeason", "0"}, {"LeagueID", "00"}, {"Season", current.label()}});
}

StatsQuery playerIndex(Season season) {
  return sorted("playerindex", {{"Active", ""},
                                {"AllStar", ""},
                                {"College", ""},
                                {"Country", ""},
                                {"DraftPick", ""},
                                {"DraftYear", ""},
                                {"Height", ""},
                                {"Historical", "0"},
                                {"LeagueID", "00"},
                                {"PlayerPosition", ""},
                                {"Season", season.label()},
                                {"TeamID", "0"},
                                {"Weight", ""}});
}

StatsQuery leagueGameLog(Season season, SeasonType type, std::string_view player_or_team) {
  return sorted("leaguegamelog", {{"Counter", "0"},
                                  {"DateFrom", ""},
                                  {"DateTo", ""},
                                  {"Direction", "ASC"},
                                  {"LeagueID", "00"},
                                  {"PlayerOrTeam", std::string(player_or_team)},
                                  {"Season", season.label()},
                                  {"SeasonType", std::string(statsSeasonType(type))},
                                  {"Sorter", "DATE"}});
}

StatsQuery playerGameLog(const std::string& player_id, Season season, SeasonType type) {
  return sorted("playergamelog", {{"DateFrom", ""},
                                  {"DateTo", ""},
                                  {"LeagueID", "00"},
                                  {"PlayerID", player_id},
                                  {"Season", season.label()},
                                  {"SeasonType", std::string(statsSeasonType(type))}});
}

StatsQuery playerAwards(const std::string& player_id) {
  return sorted("playerawards", {{"PlayerID", player_id}});
}

StatsQuery playerCareerStats(const std::string& player_id) {
  return sorted("playercareerstats",
                {{"LeagueID", "00"}, {"PerMode", "Totals"}, {"PlayerID", player_id}});
}

StatsQuery boxScoreTraditionalV3(const std::string& game_id) {
  return sorted("boxscoretraditionalv3", {{"EndPeriod", "0"},
                                          {"EndRange", "0"},
                                          {"GameID", game_id},
                                          {"RangeType", "0"},
                                          {"StartPeriod", "0"},
                                          {"StartRange", "0"}});
}

StatsQuery scoreboardV3(const std::string& date) {
  return sorted("scoreboardv3", {{"GameDate", date}, {"LeagueID", "00"}});
}

}  // namespace nba::live
