#include <algorithm>
#include <cmath>
#include <map>

#include "domain/simple_rating.h"
#include "origin/live/line_math.h"
#include "origin/live/stats_parsers.h"
#include "origin/live/stats_table.h"

namespace nba::live {
namespace {

constexpr std::string_view kEndpoint = "leaguedashteamstats";
constexpr std::string_view kSet = "LeagueDashTeamStats";

// One measure type's table: each team's row of named values.
using TeamValues = std::map<std::int64_t, std::map<std::string, double>>;

Result<TeamValues> readMeasure(const nlohmann::json& response,
                               std::initializer_list<std::string_view> names) {
  auto table = StatsTable::find(response, kEndpoint, kSet);
  if (!table.ok()) {
    return table.status();
  }
  const StatsTable& t = table.value();
  auto id = t.columns({"TEAM_ID"});
  auto cols = t.columns(names);
  if (!id.ok() || !cols.ok()) {
    return id.ok() ? cols.status() : id.status();
  }
  TeamValues values;
  for (std::size_t row = 0; row < t.rowCount(); ++row) {
    auto team_id = t.whole(row, id.value()[0]);
    if (!team_id) continue;
    auto& named = values[*team_id];
    std::size_t i = 0;
    for (std::string_view name : names) {
      named[std::string(name)] = t.number(row, cols.value()[i++]).value_or(0);
    }
  }
  return values;
}

// A count from NBA.com as an int: anything not a plausible count (huge, negative) reads 0.
int count(double value) {
  return value >= 0 && value < 1e7 ? static_cast<int>(std::llround(value)) : 0;
}

TeamSeasonLine lineOf(const Team& team, Season season, std::map<std::string, double>& b,
                      std::map<std::string, double>& a, std::map<std::string, double>& o) {
  TeamSeasonLine line;
  line.season = season;
  line.team = team.abbr;
  line.gp = count(b["GP"]);
  const double gp = line.gp;
  line.w = count(b["W"]);
  line.l = count(b["L"]);
  line.pts = count(b["PTS"]);
  line.opp_pts = count(o["OPP_PTS"]);
  line.pts_pg = perGame(b["PTS"], gp);
  line.opp_pts_pg = perGame(o["OPP_PTS"], gp);
  line.mov = gp > 0 ? rounded((b["PTS"] - o["OPP_PTS"]) / gp, 2) : 0;
  line.o_rtg = rounded(a["OFF_RATING"], 1);
  line.d_rtg = rounded(a["DEF_RATING"], 1);
  line.n_rtg = rounded(a["NET_RATING"], 1);
  line.pace = rounded(a["PACE"], 1);
  line.ts_pct = rounded(a["TS_PCT"], 3);
  line.efg_pct = rounded(a["EFG_PCT"], 3);
  line.tov_pct = rounded(a["TM_TOV_PCT"], 3);
  line.orb_pct = rounded(a["OREB_PCT"], 3);
  line.drb_pct = rounded(a["DREB_PCT"], 3);
  line.ft_fga = fraction(b["FTM"], b["FGA"]).value_or(0);
  line.opp_efg_pct = fraction(o["OPP_FGM"] + 0.5 * o["OPP_FG3M"], o["OPP_FGA"]).value_or(0);
  line.opp_tov_pct =
      fraction(o["OPP_TOV"], o["OPP_FGA"] + 0.44 * o["OPP_FTA"] + o["OPP_TOV"]).value_or(0);
  line.opp_ft_fga = fraction(o["OPP_FTM"], o["OPP_FGA"]).value_or(0);
  line.fgm_pg = perGame(b["FGM"], gp), line.fga_pg = perGame(b["FGA"], gp);
  line.fg_pct = fraction(b["FGM"], b["FGA"]).value_or(0);
  line.fg3m_pg = perGame(b["FG3M"], gp), line.fg3a_pg = perGame(b["FG3A"], gp);
  line.fg3_pct = fraction(b["FG3M"], b["FG3A"]).value_or(0);
  line.ftm_pg = perGame(b["FTM"], gp), line.fta_pg = perGame(b["FTA"], gp);
  line.ft_pct = fraction(b["FTM"], b["FTA"]).value_or(0);
  line.oreb_pg = perGame(b["OREB"], gp), line.dreb_pg = perGame(b["DREB"], gp);
  line.reb_pg = perGame(b["REB"], gp), line.ast_pg = perGame(b["AST"], gp);
  line.stl_pg = perGame(b["STL"], gp), line.blk_pg = perGame(b["BLK"], gp);
  line.tov_pg = perGame(b["TOV"], gp), line.pf_pg = perGame(b["PF"], gp);
  return line;
}

}  // namespace

Result<std::vector<TeamSeasonLine>> parseTeamSeasonLines(
    const nlohmann::json& base, const nlohmann::json& advanced, const nlohmann::json& opponent,
    const std::vector<Game>& games, Season season, const TeamDirectory& teams) {
  auto b = readMeasure(base, {"GP", "W", "L", "FGM", "FGA", "FG3M", "FG3A", "FTM", "FTA", "OREB",
                              "DREB", "REB", "AST", "STL", "BLK", "TOV", "PF", "PTS"});
  auto a = readMeasure(advanced, {"OFF_RATING", "DEF_RATING", "NET_RATING", "PACE", "TS_PCT",
                                  "EFG_PCT", "TM_TOV_PCT", "OREB_PCT", "DREB_PCT"});
  auto o = readMeasure(
      opponent, {"OPP_PTS", "OPP_FGM", "OPP_FGA", "OPP_FG3M", "OPP_FTM", "OPP_FTA", "OPP_TOV"});
  for (const auto* measure : {&b, &a, &o}) {
    if (!measure->ok()) return measure->status();
  }
  const std::map<std::string, double> srs = simpleRatings(games);
  std::vector<TeamSeasonLine> lines;
  for (auto& [team_id, base_values] : b.value()) {
    const Team* team = teams.byId(team_id);
    if (team == nullptr) {
      return dataLoss("stats.nba.com leaguedashteamstats: unknown TEAM_ID " +
                      std::to_string(team_id));
    }
    TeamSeasonLine line =
        lineOf(*team, season, base_values, a.value()[team_id], o.value()[team_id]);
    if (auto it = srs.find(team->abbr); it != srs.end()) line.srs = it->second;
    lines.push_back(std::move(line));
  }
  std::sort(lines.begin(), lines.end(),
            [](const auto& x, const auto& y) { return x.team < y.team; });
  return lines;
}

}  // namespace nba::live
