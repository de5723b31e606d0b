#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace nba::testing {

// Where the live source asks cdn.nba.com for the season's schedule.
inline constexpr char kSchedulePath[] = "/static/json/staticData/scheduleLeagueV2.json";

// A 2025-26 schedule in cdn.nba.com's shape: a final, a game in progress, two ahead, and games
// the regular season's schedule leaves out (preseason, All-Star, playoffs, a final whose teams
// are not known yet).
inline nlohmann::json schedule2025(const std::string& season_year = "2025-26") {
  auto game = [](const char* id, int status, const char* text, const char* date_est,
                 const char* start_utc, const char* away, int away_pts, const char* home,
                 int home_pts) {
    return nlohmann::json{{"gameId", id},
                          {"gameStatus", status},
                          {"gameStatusText", text},
                          {"gameDateEst", date_est},
                          {"gameDateTimeUTC", start_utc},
                          {"awayTeam", {{"teamTricode", away}, {"score", away_pts}}},
                          {"homeTeam", {{"teamTricode", home}, {"score", home_pts}}}};
  };
  nlohmann::json day21 = {
      {"gameDate", "02/21/2026 00:00:00"},
      {"games",  // one game: an explicit array (a one-element brace list is not)
       nlohmann::json::array({game("0022500840", 3, "Final", "2026-02-21T00:00:00Z",
                                   "2026-02-22T00:30:00Z", "NYK", 110, "BOS", 118)})}};
  nlohmann::json day22 = {
      {"gameDate", "02/22/2026 00:00:00"},
      {"games",
       {game("0022500851", 2, "Q3 5:12", "2026-02-22T00:00:00Z", "2026-02-22T20:00:00Z", "DEN", 65,
             "BOS", 70),
        game("0012500001", 1, "7:00 pm ET", "2026-02-22T00:00:00Z", "", "LAL", 0, "GSW", 0)}}};
  nlohmann::json day24 = {
      {"gameDate", "02/24/2026 00:00:00"},
      {"games",
       {game("0022500870", 1, "7:30 pm ET", "", "2026-02-25T00:30:00Z", "BOS", 0, "MIA", 0),
        game("0032500001", 1, "8:00 pm ET", "2026-02-24T00:00:00Z", "", "LBN", 0, "GNS", 0)}}};
  nlohmann::json day25 = {
      {"gameDate", "02/25/2026 00:00:00"},
      {"games",
       {game("0022500881", 1, "8:00 pm ET", "2026-02-25T00:00:00Z", "2026-02-26T01:00:00Z", "PHX",
             0, "LAC", 0),
        game("0042500101", 1, "TBD", "2026-04-18T00:00:00Z", "", "OKC", 0, "DAL", 0),
        game("0062500001", 1, "TBD", "2025-12-16T00:00:00Z", "", "TBD", 0, "TBD", 0)}}};
  nlohmann::json out = {{"meta", {{"version", 1}}},
                        {"leagueSchedule",
                         {{"seasonYear", season_year},
                          {"leagueId", "00"},
                          {"gameDates", nlohmann::json::array({day21, day22, day24, day25})}}}};
  out["leagueSchedule"]["gameDates"].push_back({{"gameDate", "03/01/2026 00:00:00"}});  // no games
  return out;
}

}  // namespace nba::testing
