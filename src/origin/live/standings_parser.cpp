#include <algorithm>

#include "core/ascii.h"
#include "origin/live/stats_parsers.h"
#include "origin/live/stats_table.h"

namespace nba::live {
namespace {

// "W 1" → "W1", as the snapshot's derived standings write streaks.
std::string streak(std::string_view text) {
  std::string out;
  for (char c : trimAscii(text)) {
    if (c != ' ') out += c;
  }
  return out;
}

std::string record(const StatsTable& t, std::size_t row, std::size_t column) {
  return std::string(trimAscii(t.text(row, column)));  // NBA.com pads some: "32-9 "
}

}  // namespace

Result<std::vector<StandingRow>> parseStandings(const nlohmann::json& response, Season season,
                                                const TeamDirectory& teams) {
  auto table = StatsTable::find(response, "leaguestandingsv3", "Standings");
  if (!table.ok()) {
    return table.status();
  }
  const StatsTable& t = table.value();
  auto cols = t.columns({"TeamID", "Conference", "Division", "WINS", "LOSSES", "WinPCT",
                         "PlayoffRank", "LeagueRank", "ConferenceGamesBack", "HOME", "ROAD", "L10",
                         "ConferenceRecord", "DivisionRecord", "strCurrentStreak"});
  if (!cols.ok()) {
    return cols.status();
  }
  const auto& c = cols.value();
  const auto points_for = t.optionalColumn("TotalPoints");
  const auto points_against = t.optionalColumn("OppTotalPoints");
  const auto neutral = t.optionalColumn("NEUTRAL");
  std::vector<StandingRow> rows;
  for (std::size_t row = 0; row < t.rowCount(); ++row) {
    const Team* team = teams.byId(t.whole(row, c[0]).value_or(0));
    if (team == nullptr) {
      return dataLoss("stats.nba.com leaguestandingsv3: unknown TeamID '" + t.text(row, c[0]) +
                      "'");
    }
    StandingRow s;
    s.season = season;
    s.team = team->abbr;
    s.conference = t.text(row, c[1]).empty() ? team->conference : t.text(row, c[1]);
    s.division = t.text(row, c[2]).empty() ? team->division : t.text(row, c[2]);
    s.w = static_cast<int>(t.whole(row, c[3]).value_or(0));
    s.l = static_cast<int>(t.whole(row, c[4]).value_or(0));
    s.pct = t.number(row, c[5]).value_or(0);
    s.conference_rank = static_cast<int>(t.whole(row, c[6]).value_or(0));
    s.league_rank = static_cast<int>(t.whole(row, c[7]).value_or(0));
    s.games_back = t.number(row, c[8]).value_or(0);
    s.home = record(t, row, c[9]);
    s.road = record(t, row, c[10]);
    if (neutral && !trimAscii(t.text(row, *neutral)).empty()) s.neutral = record(t, row, *neutral);
    s.last10 = record(t, row, c[11]);
    s.conference_record = record(t, row, c[12]);
    s.division_record = record(t, row, c[13]);
    s.streak = streak(t.text(row, c[14]));
    if (points_for && points_against) {
      s.pts_for = static_cast<int>(t.whole(row, *points_for).value_or(0));
      s.pts_against = static_cast<int>(t.whole(row, *points_against).value_or(0));
    }
    rows.push_back(std::move(s));
  }
  std::sort(rows.begin(), rows.end(), [](const StandingRow& a, const StandingRow& b) {
    return std::tie(a.conference, a.conference_rank, a.team) <
           std::tie(b.conference, b.conference_rank, b.team);
  });
  return rows;
}

}  // namespace nba::live
