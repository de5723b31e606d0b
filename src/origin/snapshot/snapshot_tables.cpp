#include "origin/snapshot/snapshot_tables.h"

#include "origin/snapshot/field_reader.h"
#include "origin/snapshot/snapshot_schema.h"

namespace nba::snapshot {
namespace {

std::vector<std::string> splitTeams(std::string_view text) {
  std::vector<std::string> teams;
  while (!text.empty()) {
    const std::size_t comma = text.find(',');
    teams.emplace_back(text.substr(0, comma));
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
  }
  return teams;
}

MetaRow readMeta(FieldReader& r) {
  MetaRow row;
  row.season = r.season("season");
  row.table = r.str("table");
  row.as_of = r.str("as_of");
  const std::string_view coverage = r.text("coverage");
  row.coverage = coverage == "partial" ? Coverage::kPartial : Coverage::kComplete;
  row.origin = r.str("origin");
  row.note = r.str("note");
  return row;
}

Team readTeam(FieldReader& r) {
  Team team;
  team.abbr = r.str("abbr");
  team.team_id = r.integer64("team_id");
  team.bbref_abbr = r.str("bbref_abbr");
  team.city = r.str("city");
  team.nickname = r.str("nickname");
  team.name = r.str("name");
  team.bbref_name = r.str("bbref_name");
  team.conference = r.str("conference");
  team.division = r.str("division");
  team.slug = r.str("slug");
  return team;
}

Player readPlayer(FieldReader& r) {
  Player p;
  p.player_id = r.str("player_id");
  p.nba_id = r.optInteger64("nba_id");
  p.bbref_id = r.str("bbref_id");
  p.name = r.str("name");
  p.nba_name = r.str("nba_name");
  p.position = r.str("position");
  p.height_in = r.optInteger("height_in");
  p.weight_lb = r.optInteger("weight_lb");
  p.birth_date = r.str("birth_date");
  p.from_year = r.optInteger("from_year");
  p.to_year = r.optInteger("to_year");
  p.active = r.flag("active");
  p.last_team = r.str("last_team");
  p.prominence = r.integer("prominence");
  r.skip("match");
  return p;
}

PlayerSeasonLine readPlayerLine(FieldReader& r) {
  PlayerSeasonLine x;
  x.season = r.season("season");
  x.player_id = r.str("player_id");
  r.skip("name");
  x.team = r.str("team");
  x.stint = r.integer("stint");
  x.teams = splitTeams(r.text("teams"));
  x.age = r.optInteger("age");
  x.position = r.str("position");
  x.gp = r.integer("gp");
  x.gs = r.optInteger("gs");
  x.min = r.integer("min");
  x.fgm = r.integer("fgm");
  x.fga = r.integer("fga");
  x.fg_pct = r.optNumber("fg_pct");
  x.fg3m = r.integer("fg3m");
  x.fg3a = r.integer("fg3a");
  x.fg3_pct = r.optNumber("fg3_pct");
  x.ftm = r.integer("ftm");
  x.fta = r.integer("fta");
  x.ft_pct = r.optNumber("ft_pct");
  x.oreb = r.integer("oreb");
  x.dreb = r.integer("dreb");
  x.reb = r.integer("reb");
  x.ast = r.integer("ast");
  x.stl = r.integer("stl");
  x.blk = r.integer("blk");
  x.tov = r.integer("tov");
  x.pf = r.integer("pf");
  x.pts = r.integer("pts");
  x.efg_pct = r.optNumber("efg_pct");
  x.ts_pct = r.optNumber("ts_pct");
  x.usg_pct = r.optNumber("usg_pct");
  x.per = r.optNumber("per");
  x.ws = r.optNumber("ws");
  x.bpm = r.optNumber("bpm");
  x.min_pg = r.number("min_pg");
  x.fgm_pg = r.number("fgm_pg");
  x.fga_pg = r.number("fga_pg");
  x.fg3m_pg = r.number("fg3m_pg");
  x.fg3a_pg = r.number("fg3a_pg");
  x.ftm_pg = r.number("ftm_pg");
  x.fta_pg = r.number("fta_pg");
  x.oreb_pg = r.number("oreb_pg");
  x.dreb_pg = r.number("dreb_pg");
  x.reb_pg = r.number("reb_pg");
  x.ast_pg = r.number("ast_pg");
  x.stl_pg = r.number("stl_pg");
  x.blk_pg = r.number("blk_pg");
  x.tov_pg = r.number("tov_pg");
  x.pf_pg = r.number("pf_pg");
  x.pts_pg = r.number("pts_pg");
  return x;
}

TeamSeasonLine readTeamLine(FieldReader& r) {
  TeamSeasonLine x;
  x.season = r.season("season");
  x.team = r.str("team");
  x.gp = r.integer("gp");
  x.w = r.integer("w");
  x.l = r.integer("l");
  double* const numbers[] = {&x.pts_pg,  &x.opp_pts_pg, &x.mov,     &x.srs,         &x.o_rtg,
                             &x.d_rtg,   &x.n_rtg,      &x.pace,    &x.ts_pct,      &x.efg_pct,
                             &x.tov_pct, &x.orb_pct,    &x.ft_fga,  &x.opp_efg_pct, &x.opp_tov_pct,
                             &x.drb_pct, &x.opp_ft_fga, &x.fgm_pg,  &x.fga_pg,      &x.fg_pct,
                             &x.fg3m_pg, &x.fg3a_pg,    &x.fg3_pct, &x.ftm_pg,      &x.fta_pg,
                             &x.ft_pct,  &x.oreb_pg,    &x.dreb_pg, &x.reb_pg,      &x.ast_pg,
                             &x.stl_pg,  &x.blk_pg,     &x.tov_pg,  &x.pf_pg};
  // These columns follow "l" in schema order (checked by name as they are read).
  for (std::size_t i = 0; i < std::size(numbers); ++i) {
    *numbers[i] = r.number(kTeamLinesColumns[5 + i]);
  }
  x.pts = r.integer("pts");
  x.opp_pts = r.integer("opp_pts");
  return x;
}

Game readGame(FieldReader& r) {
  Game g;
  g.season = r.season("season");
  g.date = r.str("date");
  g.game_id = r.str("game_id");
  g.home = r.str("home");
  g.away = r.str("away");
  g.home_pts = r.integer("home_pts");
  g.away_pts = r.integer("away_pts");
  const std::string_view kind = r.text("kind");
  if (kind == "cup_final") {
    g.kind = GameKind::kCupFinal;
  } else if (kind == "neutral_site") {
    g.kind = GameKind::kNeutralSite;
  }
  return g;
}

AwardEntry readAward(FieldReader& r) {
  AwardEntry a;
  a.season = r.season("season");
  a.award = r.str("award");
  a.rank = r.integer("rank");
  a.player_id = r.str("player_id");
  a.player_name = r.str("player_name");
  a.first_place_votes = r.optInteger("first_place_votes");
  a.points_won = r.optInteger("points_won");
  a.points_max = r.optInteger("points_max");
  a.share = r.optNumber("share");
  a.winner = r.flag("winner");
  return a;
}

GameLogRow readGameLog(FieldReader& r) {
  GameLogRow g;
  g.season = r.season("season");
  g.player_id = r.str("player_id");
  g.date = r.str("date");
  g.game_id = r.str("game_id");
  g.team = r.str("team");
  g.opponent = r.str("opponent");
  g.home = r.flag("home");
  g.wl = r.str("wl");
  int* const counts[] = {&g.min, &g.pts, &g.reb, &g.oreb, &g.dreb, &g.ast,  &g.stl, &g.blk,
                         &g.tov, &g.pf,  &g.fgm, &g.fga,  &g.fg3m, &g.fg3a, &g.ftm, &g.fta};
  for (std::size_t i = 0; i < std::size(counts); ++i) {
    *counts[i] = r.integer(kGameLogsColumns[8 + i]);
  }
  g.plus_minus = r.optInteger("plus_minus");
  return g;
}

template <typename Row, std::size_t N, typename ReadFn>
Status parseFile(const std::map<std::string, std::string_view>& files, const std::string& where,
                 std::string_view file_name, const std::array<std::string_view, N>& columns,
                 ReadFn read, std::vector<Row>& out) {
  auto it = files.find(std::string(file_name));
  if (it == files.end()) {
    return notFound(where + " is missing " + std::string(file_name));
  }
  TsvRecords records(file_name, it->second, columns);
  if (Status header = records.readHeader(); !header.isOk()) {
    return header;
  }
  out.reserve(records.remainingLines());
  while (records.next()) {
    FieldReader reader(file_name, records.line(), columns, records.fields(),
                       /*check_names=*/records.line() == 2);
    Row row = read(reader);
    if (!reader.status().isOk()) {
      return reader.status();
    }
    out.push_back(std::move(row));
  }
  return records.status();
}

}  // namespace

Result<SnapshotTables> parseSnapshotTables(const std::map<std::string, std::string_view>& files,
                                           const std::string& where) {
  SnapshotTables t;
  Status status = parseFile(files, where, kMetaFile, kMetaColumns, readMeta, t.meta);
  if (status.isOk()) {
    status = parseFile(files, where, kTeamsFile, kTeamsColumns, readTeam, t.teams);
  }
  if (status.isOk()) {
    status = parseFile(files, where, kPlayersFile, kPlayersColumns, readPlayer, t.players);
  }
  if (status.isOk()) {
    status = parseFile(files, where, kPlayerLinesFile, kPlayerLinesColumns, readPlayerLine,
                       t.player_lines);
  }
  if (status.isOk()) {
    status = parseFile(files, where, kTeamLinesFile, kTeamLinesColumns, readTeamLine, t.team_lines);
  }
  if (status.isOk()) {
    status = parseFile(files, where, kGamesFile, kGamesColumns, readGame, t.games);
  }
  if (status.isOk()) {
    status = parseFile(files, where, kAwardsFile, kAwardsColumns, readAward, t.awards);
  }
  if (status.isOk()) {
    status = parseFile(files, where, kGameLogsFile, kGameLogsColumns, readGameLog, t.game_logs);
  }
  if (!status.isOk()) {
    return status;
  }
  return t;
}

}  // namespace nba::snapshot
