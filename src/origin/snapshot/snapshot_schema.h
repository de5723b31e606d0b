#pragma once

#include <array>
#include <string_view>

// The snapshot's on-disk format (golden/snapshot/*.tsv), shared by the builder that writes
// it and the loader that reads it, so the two cannot drift. Every file: UTF-8, LF, one header
// row with exactly these column names, one record per line, fields separated by one TAB,
// no quoting (fields never contain TAB or LF), empty field = unknown/undefined.
// Documented for people in golden/snapshot/README.md.
namespace nba::snapshot {

inline constexpr std::string_view kMetaFile = "meta.tsv";
inline constexpr std::array<std::string_view, 6> kMetaColumns = {"season",   "table",  "as_of",
                                                                 "coverage", "origin", "note"};

inline constexpr std::string_view kTeamsFile = "teams.tsv";
inline constexpr std::array<std::string_view, 10> kTeamsColumns = {
    "abbr", "team_id",    "bbref_abbr", "city",     "nickname",
    "name", "bbref_name", "conference", "division", "slug"};

inline constexpr std::string_view kPlayersFile = "players.tsv";
inline constexpr std::array<std::string_view, 15> kPlayersColumns = {
    "player_id", "nba_id",    "bbref_id",  "name",       "nba_name",
    "position",  "height_in", "weight_lb", "birth_date", "from_year",
    "to_year",   "active",    "last_team", "prominence", "match"};

// `name` is there for people reading diffs; the loader ignores it.
inline constexpr std::string_view kPlayerLinesFile = "player_season_lines.tsv";
inline constexpr std::array<std::string_view, 51> kPlayerLinesColumns = {
    "season",  "player_id", "name",    "team",    "stint",  "teams",   "age",     "position",
    "gp",      "gs",        "min",     "fgm",     "fga",    "fg_pct",  "fg3m",    "fg3a",
    "fg3_pct", "ftm",       "fta",     "ft_pct",  "oreb",   "dreb",    "reb",     "ast",
    "stl",     "blk",       "tov",     "pf",      "pts",    "efg_pct", "ts_pct",  "usg_pct",
    "per",     "ws",        "bpm",     "min_pg",  "fgm_pg", "fga_pg",  "fg3m_pg", "fg3a_pg",
    "ftm_pg",  "fta_pg",    "oreb_pg", "dreb_pg", "reb_pg", "ast_pg",  "stl_pg",  "blk_pg",
    "tov_pg",  "pf_pg",     "pts_pg"};

inline constexpr std::string_view kTeamLinesFile = "team_season_lines.tsv";
inline constexpr std::array<std::string_view, 41> kTeamLinesColumns = {
    "season",     "team",    "gp",      "w",       "l",           "pts_pg",      "opp_pts_pg",
    "mov",        "srs",     "o_rtg",   "d_rtg",   "n_rtg",       "pace",        "ts_pct",
    "efg_pct",    "tov_pct", "orb_pct", "ft_fga",  "opp_efg_pct", "opp_tov_pct", "drb_pct",
    "opp_ft_fga", "fgm_pg",  "fga_pg",  "fg_pct",  "fg3m_pg",     "fg3a_pg",     "fg3_pct",
    "ftm_pg",     "fta_pg",  "ft_pct",  "oreb_pg", "dreb_pg",     "reb_pg",      "ast_pg",
    "stl_pg",     "blk_pg",  "tov_pg",  "pf_pg",   "pts",         "opp_pts"};

inline constexpr std::string_view kGamesFile = "games.tsv";
inline constexpr std::array<std::string_view, 8> kGamesColumns = {
    "season", "date", "game_id", "home", "away", "home_pts", "away_pts", "kind"};

inline constexpr std::string_view kAwardsFile = "awards.tsv";
inline constexpr std::array<std::string_view, 10> kAwardsColumns = {
    "season",     "award",      "rank",  "player_id", "player_name", "first_place_votes",
    "points_won", "points_max", "share", "winner"};

inline constexpr std::string_view kGameLogsFile = "player_game_logs.tsv";
inline constexpr std::array<std::string_view, 25> kGameLogsColumns = {
    "season", "player_id", "date", "game_id", "team", "opponent", "home",      "wl",  "min",
    "pts",    "reb",       "oreb", "dreb",    "ast",  "stl",      "blk",       "tov", "pf",
    "fgm",    "fga",       "fg3m", "fg3a",    "ftm",  "fta",      "plus_minus"};

}  // namespace nba::snapshot
