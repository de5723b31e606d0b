#include <algorithm>
#include <array>
#include <map>

#include "domain/season_resolver.h"
#include "origin/live/line_math.h"
#include "origin/live/stats_parsers.h"
#include "origin/live/stats_table.h"

namespace nba::live {
namespace {

// The counting columns, in the order of kCountColumns; NBA.com names them alike in
// leaguedashplayerstats and playercareerstats.
constexpr std::array<std::string_view, 16> kCountColumns = {
    "MIN",  "FGM", "FGA", "FG3M", "FG3A", "FTM", "FTA", "OREB",
    "DREB", "REB", "AST", "STL",  "BLK",  "TOV", "PF",  "PTS"};

struct Counts {
  std::array<double, 16> values{};
};

Result<std::array<std::size_t, 16>> countColumns(const StatsTable& table) {
  std::array<std::size_t, 16> positions{};
  for (std::size_t i = 0; i < kCountColumns.size(); ++i) {
    auto found = table.columns({kCountColumns[i]});
    if (!found.ok()) {
      return found.status();
    }
    positions[i] = found.value()[0];
  }
  return positions;
}

Counts readCounts(const StatsTable& table, std::size_t row,
                  const std::array<std::size_t, 16>& positions) {
  Counts counts;
  for (std::size_t i = 0; i < positions.size(); ++i) {
    counts.values[i] = table.number(row, positions[i]).value_or(0);
  }
  return counts;
}

// Totals, per-game figures and shooting ratios from the counting stats, as the snapshot
// derives them for NBA.com seasons.
void fillFromCounts(PlayerSeasonLine& line, const Counts& counts) {
  const auto& v = counts.values;
  auto total = [&](std::size_t i) { return static_cast<int>(std::llround(v[i])); };
  const double gp = line.gp;
  line.min = total(0);
  line.fgm = total(1), line.fga = total(2), line.fg3m = total(3), line.fg3a = total(4);
  line.ftm = total(5), line.fta = total(6), line.oreb = total(7), line.dreb = total(8);
  line.reb = total(9), line.ast = total(10), line.stl = total(11), line.blk = total(12);
  line.tov = total(13), line.pf = total(14), line.pts = total(15);
  line.min_pg = perGame(v[0], gp), line.fgm_pg = perGame(v[1], gp);
  line.fga_pg = perGame(v[2], gp), line.fg3m_pg = perGame(v[3], gp);
  line.fg3a_pg = perGame(v[4], gp), line.ftm_pg = perGame(v[5], gp);
  line.fta_pg = perGame(v[6], gp), line.oreb_pg = perGame(v[7], gp);
  line.dreb_pg = perGame(v[8], gp), line.reb_pg = perGame(v[9], gp);
  line.ast_pg = perGame(v[10], gp), line.stl_pg = perGame(v[11], gp);
  line.blk_pg = perGame(v[12], gp), line.tov_pg = perGame(v[13], gp);
  line.pf_pg = perGame(v[14], gp), line.pts_pg = perGame(v[15], gp);
  line.fg_pct = fraction(v[1], v[2]);
  line.fg3_pct = fraction(v[3], v[4]);
  line.ft_pct = fraction(v[5], v[6]);
  line.efg_pct = fraction(v[1] + 0.5 * v[3], v[2]);
  line.ts_pct = trueShooting(v[15], v[2], v[6]);
}

std::optional<int> age(const StatsTable& table, std::size_t row, std::optional<std::size_t> col) {
  if (!col) {
    return std::nullopt;
  }
  auto value = table.whole(row, *col);
  return value ? std::optional<int>(static_cast<int>(*value)) : std::nullopt;
}

// One playercareerstats row, before stints are numbered.
struct CareerRow {
  Season season;
  PlayerSeasonLine line;
};

Result<std::vector<CareerRow>> readCareerRows(const StatsTable& table,
                                              const std::string& player_id) {
  auto cols = table.columns({"SEASON_ID", "TEAM_ABBREVIATION", "GP"});
  auto counts = countColumns(table);
  if (!cols.ok() || !counts.ok()) {
    return cols.ok() ? counts.status() : cols.status();
  }
  const auto& c = cols.value();
  const auto gs = table.optionalColumn("GS");
  const auto age_col = table.optionalColumn("PLAYER_AGE");
  std::vector<CareerRow> rows;
  for (std::size_t row = 0; row < table.rowCount(); ++row) {
    auto season = parseSeasonText(table.text(row, c[0]));
    if (!season.ok()) {
      return dataLoss("stats.nba.com playercareerstats: row " + std::to_string(row + 1) +
                      " has SEASON_ID '" + table.text(row, c[0]) + "', not a season");
    }
    PlayerSeasonLine line;
    line.season = season.value();
    line.player_id = player_id;
    line.team = table.text(row, c[1]);
    line.gp = static_cast<int>(table.whole(row, c[2]).value_or(0));
    if (gs) {
      if (auto started = table.whole(row, *gs)) line.gs = static_cast<int>(*started);
    }
    line.age = age(table, row, age_col);
    fillFromCounts(line, readCounts(table, row, counts.value()));
    rows.push_back({line.season, std::move(line)});
  }
  return rows;
}

}  // namespace

Result<std::vector<PlayerSeasonLine>> parsePlayerSeasonLines(const nlohmann::json& response,
                                                             Season season) {
  auto table = StatsTable::find(response, "leaguedashplayerstats", "LeagueDashPlayerStats");
  if (!table.ok()) {
    return table.status();
  }
  const StatsTable& t = table.value();
  auto cols = t.columns({"PLAYER_ID", "TEAM_ABBREVIATION", "GP"});
  auto counts = countColumns(t);
  if (!cols.ok() || !counts.ok()) {
    return cols.ok() ? counts.status() : cols.status();
  }
  const auto& c = cols.value();
  const auto age_col = t.optionalColumn("AGE");
  // A traded player's row is his combined line under his last team (TEAM_COUNT > 1): marked
  // combined, as the snapshot marks it, so no team's board counts it as that team's stint.
  const auto team_count_col = t.optionalColumn("TEAM_COUNT");
  std::vector<PlayerSeasonLine> lines;
  lines.reserve(t.rowCount());
  for (std::size_t row = 0; row < t.rowCount(); ++row) {
    PlayerSeasonLine line;
    line.season = season;
    line.player_id = t.text(row, c[0]);
    if (line.player_id.empty()) {
      return dataLoss("stats.nba.com leaguedashplayerstats: row " + std::to_string(row + 1) +
                      " has no PLAYER_ID");
    }
    line.team = t.text(row, c[1]);
    line.teams = {line.team};
    if (team_count_col && t.whole(row, *team_count_col).value_or(1) > 1) line.team = "TOT";
    line.gp = static_cast<int>(t.whole(row, c[2]).value_or(0));
    line.age = age(t, row, age_col);
    fillFromCounts(line, readCounts(t, row, counts.value()));
    lines.push_back(std::move(line));
  }
  std::sort(lines.begin(), lines.end(),
            [](const auto& a, const auto& b) { return a.player_id < b.player_id; });
  return lines;
}

Result<std::vector<PlayerSeasonLine>> parsePlayerCareer(const nlohmann::json& response,
                                                        const std::string& player_id) {
  auto table = StatsTable::find(response, "playercareerstats", "SeasonTotalsRegularSeason");
  if (!table.ok()) {
    return table.status();
  }
  auto rows = readCareerRows(table.value(), player_id);
  if (!rows.ok()) {
    return rows.status();
  }
  // NBA.com lists a traded player's team rows, then his TOT row, within a season.
  std::map<Season, std::vector<PlayerSeasonLine>> by_season;
  for (CareerRow& row : rows.value()) {
    by_season[row.season].push_back(std::move(row.line));
  }
  std::vector<PlayerSeasonLine> lines;
  for (auto& [season, season_lines] : by_season) {
    auto combined = std::find_if(season_lines.begin(), season_lines.end(),
                                 [](const auto& line) { return line.team == "TOT"; });
    if (combined == season_lines.end() || season_lines.size() == 1) {
      PlayerSeasonLine& line = season_lines.front();
      line.teams = {line.team};
      lines.push_back(std::move(line));
      continue;
    }
    PlayerSeasonLine total = *combined;
    int stint = 0;
    std::vector<PlayerSeasonLine> stints;
    for (PlayerSeasonLine& line : season_lines) {
      if (line.team == "TOT") continue;
      total.teams.push_back(line.team);
      line.stint = ++stint;
      line.teams = {line.team};
      stints.push_back(std::move(line));
    }
    lines.push_back(std::move(total));
    for (PlayerSeasonLine& line : stints) lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace nba::live
