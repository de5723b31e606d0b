#include "origin/snapshot/snapshot_writer.h"

#include <charconv>
#include <filesystem>
#include <fstream>
#include <optional>
#include <unordered_map>

#include "origin/snapshot/snapshot_schema.h"

namespace nba::snapshot {
namespace {

// One record under construction: fields in schema order.
class Record {
 public:
  Record& text(std::string_view value) {
    std::string field(value);
    for (char& c : field) {
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    }
    fields_.push_back(std::move(field));
    return *this;
  }
  Record& number(double value) {
    char buffer[64];
    auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    fields_.emplace_back(buffer, error == std::errc() ? end : buffer);
    return *this;
  }
  Record& integer(long long value) { return text(std::to_string(value)); }
  template <typename T>
  Record& optional(const std::optional<T>& value) {
    if (!value) return text("");
    if constexpr (std::is_floating_point_v<T>) {
      return number(*value);
    } else {
      return integer(*value);
    }
  }
  Record& flag(bool value) { return text(value ? "1" : "0"); }
  Record& season(Season value) { return text(value.label()); }

  std::string line() const {
    std::string out;
    for (std::size_t i = 0; i < fields_.size(); ++i) {
      if (i > 0) out += '\t';
      out += fields_[i];
    }
    return out + '\n';
  }

 private:
  std::vector<std::string> fields_;
};

template <std::size_t N, typename Row, typename Fill>
std::string table(const std::array<std::string_view, N>& columns, const std::vector<Row>& rows,
                  Fill fill) {
  Record header;
  for (std::string_view column : columns) header.text(column);
  std::string out = header.line();
  for (const Row& row : rows) {
    Record record;
    fill(record, row);
    out += record.line();
  }
  return out;
}

std::string joinTeams(const std::vector<std::string>& teams) {
  std::string out;
  for (const std::string& team : teams) out += (out.empty() ? "" : ",") + team;
  return out;
}

void fillPlayerLine(Record& r, const PlayerSeasonLine& x, const std::string& name) {
  r.season(x.season).text(x.player_id).text(name).text(x.team).integer(x.stint);
  r.text(joinTeams(x.teams)).optional(x.age).text(x.position).integer(x.gp).optional(x.gs);
  r.integer(x.min).integer(x.fgm).integer(x.fga).optional(x.fg_pct).integer(x.fg3m);
  r.integer(x.fg3a).optional(x.fg3_pct).integer(x.ftm).integer(x.fta).optional(x.ft_pct);
  r.integer(x.oreb).integer(x.dreb).integer(x.reb).integer(x.ast).integer(x.stl);
  r.integer(x.blk).integer(x.tov).integer(x.pf).integer(x.pts).optional(x.efg_pct);
  r.optional(x.ts_pct).optional(x.usg_pct).optional(x.per).optional(x.ws).optional(x.bpm);
  for (double value :
       {x.min_pg, x.fgm_pg, x.fga_pg, x.fg3m_pg, x.fg3a_pg, x.ftm_pg, x.fta_pg, x.oreb_pg,
        x.dreb_pg, x.reb_pg, x.ast_pg, x.stl_pg, x.blk_pg, x.tov_pg, x.pf_pg, x.pts_pg}) {
    r.number(value);
  }
}

void fillTeamLine(Record& r, const TeamSeasonLine& x) {
  r.season(x.season).text(x.team).integer(x.gp).integer(x.w).integer(x.l);
  for (double value :
       {x.pts_pg,      x.opp_pts_pg, x.mov,        x.srs,     x.o_rtg,   x.d_rtg,   x.n_rtg,
        x.pace,        x.ts_pct,     x.efg_pct,    x.tov_pct, x.orb_pct, x.ft_fga,  x.opp_efg_pct,
        x.opp_tov_pct, x.drb_pct,    x.opp_ft_fga, x.fgm_pg,  x.fga_pg,  x.fg_pct,  x.fg3m_pg,
        x.fg3a_pg,     x.fg3_pct,    x.ftm_pg,     x.fta_pg,  x.ft_pct,  x.oreb_pg, x.dreb_pg,
        x.reb_pg,      x.ast_pg,     x.stl_pg,     x.blk_pg,  x.tov_pg,  x.pf_pg}) {
    r.number(value);
  }
  r.integer(x.pts).integer(x.opp_pts);
}

void fillGameLog(Record& r, const GameLogRow& g) {
  r.season(g.season).text(g.player_id).text(g.date).text(g.game_id).text(g.team);
  r.text(g.opponent).flag(g.home).text(g.wl);
  for (int count : {g.min, g.pts, g.reb, g.oreb, g.dreb, g.ast, g.stl, g.blk, g.tov, g.pf, g.fgm,
                    g.fga, g.fg3m, g.fg3a, g.ftm, g.fta}) {
    r.integer(count);
  }
  r.optional(g.plus_minus);
}

}  // namespace

std::map<std::string, std::string> formatSnapshotTables(const SnapshotTables& t) {
  std::unordered_map<std::string, std::string> names;
  for (const Player& p : t.players) names.emplace(p.player_id, p.name);
  std::map<std::string, std::string> files;
  files[std::string(kMetaFile)] = table(kMetaColumns, t.meta, [](Record& r, const MetaRow& m) {
    r.season(m.season).text(m.table).text(m.as_of).text(coverageName(m.coverage));
    r.text(m.origin).text(m.note);
  });
  files[std::string(kTeamsFile)] = table(kTeamsColumns, t.teams, [](Record& r, const Team& x) {
    r.text(x.abbr).integer(x.team_id).text(x.bbref_abbr).text(x.city).text(x.nickname);
    r.text(x.name).text(x.bbref_name).text(x.conference).text(x.division).text(x.slug);
  });
  files[std::string(kPlayersFile)] =
      table(kPlayersColumns, t.players, [](Record& r, const Player& p) {
        r.text(p.player_id).optional(p.nba_id).text(p.bbref_id).text(p.name).text(p.nba_name);
        r.text(p.position).optional(p.height_in).optional(p.weight_lb).text(p.birth_date);
        r.optional(p.from_year).optional(p.to_year).flag(p.active).text(p.last_team);
        r.integer(p.prominence).text("");  // `match` says how bbref and NBA.com ids were joined
      });
  files[std::string(kPlayerLinesFile)] =
      table(kPlayerLinesColumns, t.player_lines, [&names](Record& r, const PlayerSeasonLine& x) {
        auto name = names.find(x.player_id);
        fillPlayerLine(r, x, name == names.end() ? "" : name->second);
      });
  files[std::string(kTeamLinesFile)] = table(kTeamLinesColumns, t.team_lines, fillTeamLine);
  files[std::string(kGamesFile)] = table(kGamesColumns, t.games, [](Record& r, const Game& g) {
    r.season(g.season).text(g.date).text(g.game_id).text(g.home).text(g.away);
    r.integer(g.home_pts).integer(g.away_pts).text(gameKindName(g.kind));
  });
  files[std::string(kAwardsFile)] =
      table(kAwardsColumns, t.awards, [](Record& r, const AwardEntry& a) {
        r.season(a.season).text(a.award).integer(a.rank).text(a.player_id).text(a.player_name);
        r.optional(a.first_place_votes).optional(a.points_won).optional(a.points_max);
        r.optional(a.share).flag(a.winner);
      });
  files[std::string(kGameLogsFile)] = table(kGameLogsColumns, t.game_logs, fillGameLog);
  return files;
}

Status writeSnapshotDirectory(const std::string& dir, const SnapshotTables& tables) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) {
    return unavailable("cannot create the snapshot directory " + dir + ": " + error.message());
  }
  for (const auto& [name, text] : formatSnapshotTables(tables)) {
    const std::string path = (std::filesystem::path(dir) / name).string();
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.good()) {
      return unavailable("cannot write " + path);
    }
  }
  return Status::ok();
}

}  // namespace nba::snapshot
