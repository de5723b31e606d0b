#include "player_lines.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "domain/season.h"
#include "name_key.h"
#include "origin/snapshot/snapshot_schema.h"
#include "row_builder.h"

namespace nba::builder {
namespace {

using Row = std::vector<std::string>;

// bbref column -> snapshot column, for counting stats (totals) and their per-game twins.
struct CountColumn {
  const char* bbref;
  const char* total;
  const char* per_game;
};
constexpr CountColumn kCounts[] = {
    {"MP", "min", "min_pg"},   {"FG", "fgm", "fgm_pg"},    {"FGA", "fga", "fga_pg"},
    {"3P", "fg3m", "fg3m_pg"}, {"3PA", "fg3a", "fg3a_pg"}, {"FT", "ftm", "ftm_pg"},
    {"FTA", "fta", "fta_pg"},  {"ORB", "oreb", "oreb_pg"}, {"DRB", "dreb", "dreb_pg"},
    {"TRB", "reb", "reb_pg"},  {"AST", "ast", "ast_pg"},   {"STL", "stl", "stl_pg"},
    {"BLK", "blk", "blk_pg"},  {"TOV", "tov", "tov_pg"},   {"PF", "pf", "pf_pg"},
    {"PTS", "pts", "pts_pg"},
};

std::optional<double> trueShooting(double pts, double fga, double fta) {
  const double denominator = 2.0 * (fga + 0.44 * fta);
  return denominator > 0 ? std::optional<double>(pts / denominator) : std::nullopt;
}

std::optional<double> ratio(double made, double attempts) {
  return attempts > 0 ? std::optional<double>(made / attempts) : std::nullopt;
}

std::string joinTeams(const std::vector<std::string>& teams) {
  std::string out;
  for (const std::string& team : teams) {
    out += (out.empty() ? "" : ",") + team;
  }
  return out;
}

std::string percentToFraction(const std::string& text) {
  std::optional<double> value = parseNumber(text);
  return value ? fixed(*value / 100.0, 3) : "";
}

// One bbref season: which file carries the slug and how to find the other views of a row.
struct BbrefSeason {
  int start_year;
  const CsvFile& slugged;   // rows with Player-additional, in bbref's order
  const CsvFile& per_game;  // may be `slugged`
  const CsvFile& totals;    // may be `slugged`
  const CsvFile* advanced;  // keyed by slug + team; may be null
};

using NameTeamIndex = std::map<std::pair<std::string, std::string>, const Row*>;

// Keyed by (nameKey(name), team) so spellings like "Danté"/"Dante" meet, plus a fallback
// by (last name, team, games) for renamed players ("Nate"/"Jeenathan Williams").
NameTeamIndex indexBy(const CsvFile& file, const char* key_column) {
  NameTeamIndex index;
  for (const Row& row : file.rows()) {
    const std::string& key = file.cell(row, key_column);
    const std::string name_key = std::string(key_column) == "Player" ? nameKey(key) : key;
    index[{name_key, file.cell(row, "Team")}] = &row;
    const std::string last = name_key.substr(name_key.rfind(' ') + 1);
    const auto games = parseWhole(file.cell(row, "G")).value_or(-1);
    index[{"#" + last + "#" + std::to_string(games), file.cell(row, "Team")}] = &row;
  }
  return index;
}

const Row* lookup(const NameTeamIndex& index, const std::string& name, const std::string& team,
                  long long games) {
  const std::string key = nameKey(name);
  if (auto it = index.find({key, team}); it != index.end()) {
    return it->second;
  }
  const std::string last = key.substr(key.rfind(' ') + 1);
  auto it = index.find({"#" + last + "#" + std::to_string(games), team});
  return it == index.end() ? nullptr : it->second;
}

class LinesBuilder {
 public:
  LinesBuilder(const TeamDirectory& teams, const PlayerRegistry& registry, PlayerLinesOutput& out)
      : teams_(teams), registry_(registry), out_(out) {}

  Status addBbrefSeason(const BbrefSeason& season) {
    const NameTeamIndex per_game = indexBy(season.per_game, "Player");
    const NameTeamIndex totals = indexBy(season.totals, "Player");
    NameTeamIndex advanced;
    if (season.advanced != nullptr) {
      advanced = indexBy(*season.advanced, "Player-additional");
    }
    // Group each player's consecutive rows: [xTM combined, team 1, team 2, ...] or [team].
    const auto& rows = season.slugged.rows();
    for (std::size_t i = 0; i < rows.size();) {
      const std::string& slug = season.slugged.cell(rows[i], "Player-additional");
      std::size_t end = i + 1;
      while (end < rows.size() && season.slugged.cell(rows[end], "Player-additional") == slug) {
        ++end;
      }
      if (slug.empty() || slug == "-9999") {
        i = end;
        continue;  // League Average
      }
      const PlayerIdentity* identity = registry_.bySlug(slug);
      if (identity == nullptr) {
        return internalError("no identity for bbref slug " + slug);
      }
      std::vector<std::string> stint_teams;
      for (std::size_t k = i; k < end; ++k) {
        const std::string& team = season.slugged.cell(rows[k], "Team");
        if (!isCombined(team)) {
          stint_teams.push_back(teams_.abbrFor(team));
        }
      }
      for (std::size_t k = i; k < end; ++k) {
        const Row& row = rows[k];
        const std::string& team = season.slugged.cell(row, "Team");
        const std::string& name = season.slugged.cell(row, "Player");
        const long long games = parseWhole(season.slugged.cell(row, "G")).value_or(-1);
        const Row* pg = lookup(per_game, name, team, games);
        const Row* tot = lookup(totals, name, team, games);
        if (pg == nullptr || tot == nullptr) {
          return dataLoss("bbref " + Season{season.start_year}.label() +
                          ": no per-game/totals row for " + name + " " + team);
        }
        const Row* adv = advanced.count({slug, team}) ? advanced.at({slug, team}) : nullptr;
        const bool combined = isCombined(team);
        const int stint = combined || end - i == 1 ? 0 : static_cast<int>(k - i);
        const std::vector<std::string> line_teams =
            combined ? stint_teams : std::vector<std::string>{teams_.abbrFor(team)};
        Status status = addBbrefLine(season, *identity, row, *pg, *tot, adv,
                                     combined ? "TOT" : line_teams[0], stint, line_teams);
        if (!status.isOk()) {
          return status;
        }
      }
      i = end;
    }
    return Status::ok();
  }

  // NBA.com's season lines are one per player: a traded player's (TEAM_COUNT > 1) is his
  // combined line under his last team, and the source has no per-team stints. The line is
  // marked combined ("TOT") with his teams from bbref's player_season_info, the last one
  // NBA.com's, so no team's board counts games he played for another.
  Status addNbaSeason(int start_year, const CsvFile& dash, const CsvFile& season_info) {
    const std::map<std::string, std::vector<std::string>> traded_teams =
        teamsOfTraded(season_info, start_year);
    for (const Row& row : dash.rows()) {
      const auto id = parseWhole(dash.cell(row, "PLAYER_ID"));
      const PlayerIdentity* identity = id ? registry_.byNbaId(*id) : nullptr;
      if (identity == nullptr) {
        return internalError("no identity for NBA.com player " + dash.cell(row, "PLAYER_ID"));
      }
      const double gp = parseNumber(dash.cell(row, "GP")).value_or(0);
      RowBuilder b;
      const std::string team = dash.cell(row, "TEAM_ABBREVIATION");
      const bool traded = parseWhole(dash.cell(row, "TEAM_COUNT")).value_or(1) > 1;
      setIdentity(b, start_year, *identity, traded ? "TOT" : team, 0,
                  traded ? tradedTeams(traded_teams, identity->bbref_id, team)
                         : std::vector<std::string>{team});
      b.set("age", integer(parseWhole(dash.cell(row, "AGE"))));
      b.set("position", "");
      b.set("gp", integer(static_cast<long long>(gp)));
      b.set("gs", "");
      const char* nba_columns[] = {"MIN",  "FGM", "FGA", "FG3M", "FG3A", "FTM", "FTA", "OREB",
                                   "DREB", "REB", "AST", "STL",  "BLK",  "TOV", "PF",  "PTS"};
      double values[16] = {};
      for (int c = 0; c < 16; ++c) {
        values[c] = parseNumber(dash.cell(row, nba_columns[c])).value_or(0);
        b.set(kCounts[c].total, integer(std::llround(values[c])));
        b.set(kCounts[c].per_game, gp > 0 ? fixed(values[c] / gp, 1) : "0.0");
      }
      const double fgm = values[1], fga = values[2], fg3m = values[3], fta = values[6];
      b.set("fg_pct", fga > 0 ? fixed(parseNumber(dash.cell(row, "FG_PCT")), 3) : "");
      b.set("fg3_pct", fixed(ratio(values[3], values[4]), 3));
      b.set("ft_pct", fixed(ratio(values[5], values[6]), 3));
      b.set("efg_pct", fixed(ratio(fgm + 0.5 * fg3m, fga), 3));
      b.set("ts_pct", fixed(trueShooting(values[15], fga, fta), 3));
      for (const char* column : {"usg_pct", "per", "ws", "bpm"}) {
        b.set(column, "");
      }
      Status status = append(b, *identity, start_year, 0, team, static_cast<int>(values[15]), "");
      if (!status.isOk()) {
        return status;
      }
    }
    return Status::ok();
  }

 private:
  // bbref slug → the NBA.com abbreviations of the teams bbref lists for him in the season
  // starting `start_year` (bbref labels it by its end year), when it lists more than one.
  std::map<std::string, std::vector<std::string>> teamsOfTraded(const CsvFile& season_info,
                                                                int start_year) const {
    const std::string bbref_season = std::to_string(start_year + 1);
    std::map<std::string, std::vector<std::string>> out;
    for (const Row& row : season_info.rows()) {
      const std::string& team = season_info.cell(row, "team");
      if (season_info.cell(row, "season") != bbref_season || isCombined(team)) continue;
      out[season_info.cell(row, "player_id")].push_back(teams_.abbrFor(team));
    }
    return out;
  }

  // A traded player's teams, ending with NBA.com's `last_team`; bbref's others before it in
  // the order it lists them. Without bbref's word, the last team alone.
  static std::vector<std::string> tradedTeams(
      const std::map<std::string, std::vector<std::string>>& teams_of, const std::string& slug,
      const std::string& last_team) {
    std::vector<std::string> teams;
    if (auto it = teams_of.find(slug); it != teams_of.end()) {
      for (const std::string& team : it->second) {
        if (team != last_team) teams.push_back(team);
      }
    }
    teams.push_back(last_team);
    return teams;
  }

  static bool isCombined(const std::string& team) {
    return team.size() == 3 && team[1] == 'T' && team[2] == 'M';  // 2TM, 3TM, 4TM
  }

  void setIdentity(RowBuilder& b, int start_year, const PlayerIdentity& identity,
                   const std::string& team, int stint, const std::vector<std::string>& teams) {
    b.set("season", Season{start_year}.label());
    b.set("player_id", identity.player_id);
    b.set("name", identity.name);
    b.set("team", team);
    b.set("stint", std::to_string(stint));
    b.set("teams", joinTeams(teams));
  }

  Status addBbrefLine(const BbrefSeason& season, const PlayerIdentity& identity, const Row& row,
                      const Row& pg, const Row& tot, const Row* adv, const std::string& team,
                      int stint, const std::vector<std::string>& line_teams) {
    const CsvFile& pg_file = season.per_game;
    const CsvFile& tot_file = season.totals;
    RowBuilder b;
    setIdentity(b, season.start_year, identity, team, stint, line_teams);
    b.set("age", integer(parseWhole(season.slugged.cell(row, "Age"))));
    b.set("position", season.slugged.cell(row, "Pos"));
    b.set("gp", integer(parseWhole(tot_file.cell(tot, "G"))));
    b.set("gs", integer(parseWhole(tot_file.cell(tot, "GS"))));
    for (const CountColumn& count : kCounts) {
      b.set(count.total, integer(parseWhole(tot_file.cell(tot, count.bbref)).value_or(0)));
      b.set(count.per_game, fixed(parseNumber(pg_file.cell(pg, count.bbref)).value_or(0), 1));
    }
    b.set("fg_pct", fixed(parseNumber(tot_file.cell(tot, "FG%")), 3));
    b.set("fg3_pct", fixed(parseNumber(tot_file.cell(tot, "3P%")), 3));
    b.set("ft_pct", fixed(parseNumber(tot_file.cell(tot, "FT%")), 3));
    b.set("efg_pct", fixed(parseNumber(tot_file.cell(tot, "eFG%")), 3));
    const double pts = parseNumber(tot_file.cell(tot, "PTS")).value_or(0);
    if (adv != nullptr) {
      const CsvFile& adv_file = *season.advanced;
      b.set("ts_pct", fixed(parseNumber(adv_file.cell(*adv, "TS%")), 3));
      b.set("usg_pct", percentToFraction(adv_file.cell(*adv, "USG%")));
      b.set("per", fixed(parseNumber(adv_file.cell(*adv, "PER")), 1));
      b.set("ws", fixed(parseNumber(adv_file.cell(*adv, "WS")), 1));
      b.set("bpm", fixed(parseNumber(adv_file.cell(*adv, "BPM")), 1));
    } else {
      // No bbref advanced file for this season: TS% by bbref's formula, the rest unknown.
      b.set("ts_pct", fixed(trueShooting(pts, parseNumber(tot_file.cell(tot, "FGA")).value_or(0),
                                         parseNumber(tot_file.cell(tot, "FTA")).value_or(0)),
                            3));
      for (const char* column : {"usg_pct", "per", "ws", "bpm"}) {
        b.set(column, "");
      }
    }
    return append(b, identity, season.start_year, stint, line_teams.back(), static_cast<int>(pts),
                  season.slugged.cell(row, "Pos"));
  }

  Status append(const RowBuilder& b, const PlayerIdentity& identity, int start_year, int stint,
                const std::string& last_team, int points, const std::string& position) {
    Result<std::vector<std::string>> row = b.assemble(snapshot::kPlayerLinesColumns);
    if (!row.ok()) {
      return row.status();
    }
    out_.table.rows.push_back(std::move(row).value());
    if (stint == 0) {
      PlayerLineSummary& summary = out_.by_player[identity.player_id];
      summary.points += points;
      if (start_year >= summary.latest_season) {
        summary.latest_season = start_year;
        summary.latest_team = last_team;
        if (!position.empty()) {
          summary.latest_position = position;
        }
      }
    }
    return Status::ok();
  }

  const TeamDirectory& teams_;
  const PlayerRegistry& registry_;
  PlayerLinesOutput& out_;
};

}  // namespace

Result<PlayerLinesOutput> buildPlayerLines(const BuildInputs& in, const TeamDirectory& teams,
                                           const PlayerRegistry& registry) {
  PlayerLinesOutput out;
  out.table.header = toStrings(snapshot::kPlayerLinesColumns);
  LinesBuilder builder(teams, registry, out);
  Status status =
      builder.addBbrefSeason({2023, in.totals_2023, in.per_game_2023, in.totals_2023, nullptr});
  if (status.isOk()) {
    status = builder.addBbrefSeason(
        {2024, in.per_game_2024, in.per_game_2024, in.totals_2024, &in.advanced_2024});
  }
  if (status.isOk()) {
    status = builder.addNbaSeason(2025, in.league_dash_2025, in.season_info);
  }
  if (!status.isOk()) {
    return status;
  }
  std::sort(out.table.rows.begin(), out.table.rows.end(), [](const Row& a, const Row& b) {
    const int stint_a = std::stoi(a[4]), stint_b = std::stoi(b[4]);
    return std::tie(a[0], a[1], stint_a) < std::tie(b[0], b[1], stint_b);
  });
  return out;
}

}  // namespace nba::builder
