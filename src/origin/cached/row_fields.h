#pragma once

#include <concepts>
#include <type_traits>

#include "domain/award_entry.h"
#include "domain/box_score_player.h"
#include "domain/game.h"
#include "domain/game_log_row.h"
#include "domain/player.h"
#include "domain/player_season_line.h"
#include "domain/scoreboard_game.h"
#include "domain/standing_row.h"
#include "domain/table.h"
#include "domain/team.h"
#include "domain/team_season_line.h"

namespace nba::cached {

// Every stored field of each value the cache persists, in storage order, written once and
// walked by both the encoder and the decoder (row_codec.cpp), so the two cannot drift. `v`
// is called with each field; R is the row type, const when encoding. Adding, removing or
// reordering a field changes the stored format: bump cache::kFormat.

template <typename R, typename Row>
concept RowOf = std::same_as<std::remove_const_t<R>, Row>;

template <typename V, RowOf<Team> R>
void describe(V& v, R& r) {
  v(r.team_id, r.abbr, r.bbref_abbr, r.city, r.nickname, r.name, r.bbref_name, r.conference,
    r.division, r.slug);
}

template <typename V, RowOf<Player> R>
void describe(V& v, R& r) {
  v(r.player_id, r.nba_id, r.bbref_id, r.name, r.nba_name, r.position, r.height_in, r.weight_lb,
    r.birth_date, r.from_year, r.to_year, r.active, r.last_team, r.prominence);
}

template <typename V, RowOf<PlayerSeasonLine> R>
void describe(V& v, R& r) {
  v(r.season, r.player_id, r.team, r.stint, r.teams, r.age, r.position, r.gp, r.gs, r.min);
  v(r.fgm, r.fga, r.fg3m, r.fg3a, r.ftm, r.fta, r.oreb, r.dreb, r.reb, r.ast, r.stl, r.blk, r.tov,
    r.pf, r.pts);
  v(r.fg_pct, r.fg3_pct, r.ft_pct, r.efg_pct, r.ts_pct, r.usg_pct, r.per, r.ws, r.bpm);
  v(r.min_pg, r.fgm_pg, r.fga_pg, r.fg3m_pg, r.fg3a_pg, r.ftm_pg, r.fta_pg, r.oreb_pg, r.dreb_pg,
    r.reb_pg, r.ast_pg, r.stl_pg, r.blk_pg, r.tov_pg, r.pf_pg, r.pts_pg);
}

template <typename V, RowOf<TeamSeasonLine> R>
void describe(V& v, R& r) {
  v(r.season, r.team, r.gp, r.w, r.l, r.pts_pg, r.opp_pts_pg, r.mov, r.srs, r.o_rtg, r.d_rtg,
    r.n_rtg, r.pace);
  v(r.ts_pct, r.efg_pct, r.tov_pct, r.orb_pct, r.ft_fga, r.opp_efg_pct, r.opp_tov_pct, r.drb_pct,
    r.opp_ft_fga);
  v(r.fgm_pg, r.fga_pg, r.fg_pct, r.fg3m_pg, r.fg3a_pg, r.fg3_pct, r.ftm_pg, r.fta_pg, r.ft_pct,
    r.oreb_pg, r.dreb_pg, r.reb_pg, r.ast_pg, r.stl_pg, r.blk_pg, r.tov_pg, r.pf_pg, r.pts,
    r.opp_pts);
}

template <typename V, RowOf<Game> R>
void describe(V& v, R& r) {
  v(r.season, r.date, r.game_id, r.home, r.away, r.home_pts, r.away_pts, r.kind);
}

template <typename V, RowOf<StandingRow> R>
void describe(V& v, R& r) {
  v(r.season, r.team, r.conference, r.division, r.w, r.l, r.pct, r.games_back, r.conference_rank,
    r.league_rank);
  v(r.home, r.road, r.last10, r.conference_record, r.division_record, r.streak, r.pts_for,
    r.pts_against, r.neutral);
}

template <typename V, RowOf<AwardEntry> R>
void describe(V& v, R& r) {
  v(r.season, r.award, r.rank, r.player_id, r.player_name, r.first_place_votes, r.points_won,
    r.points_max, r.share, r.winner);
}

template <typename V, RowOf<GameLogRow> R>
void describe(V& v, R& r) {
  v(r.season, r.player_id, r.date, r.game_id, r.team, r.opponent, r.home, r.wl);
  v(r.min, r.pts, r.reb, r.oreb, r.dreb, r.ast, r.stl, r.blk, r.tov, r.pf);
  v(r.fgm, r.fga, r.fg3m, r.fg3a, r.ftm, r.fta, r.plus_minus);
}

template <typename V, RowOf<BoxScorePlayer> R>
void describe(V& v, R& r) {
  v(r.line, r.name);
}

template <typename V, RowOf<GameLeader> R>
void describe(V& v, R& r) {
  v(r.player_id, r.name, r.team, r.pts, r.reb, r.ast);
}

template <typename V, RowOf<ScoreboardGame> R>
void describe(V& v, R& r) {
  v(r.game, r.status, r.status_text, r.period, r.clock, r.start_utc, r.home_leader, r.away_leader);
}

template <typename V, RowOf<TableMeta> R>
void describe(V& v, R& r) {
  v(r.season, r.as_of, r.coverage, r.source, r.origin, r.notes);  // not `cache`: set when served
}

}  // namespace nba::cached
