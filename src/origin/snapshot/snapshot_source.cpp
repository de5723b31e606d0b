#include "origin/snapshot/snapshot_source.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_map>

#include "core/user_text.h"
#include "domain/season_resolver.h"
#include "domain/standings.h"
#include "origin/request_filters.h"
#include "origin/snapshot/embedded_snapshot.h"
#include "origin/snapshot/snapshot_schema.h"
#include "origin/snapshot/snapshot_tables.h"

namespace nba {
namespace {

using snapshot::MetaRow;
using snapshot::SnapshotTables;

constexpr const char* kSource = "snapshot";

Status noPlayoffs() {
  return {StatusCode::kUnimplemented,
          "the offline snapshot holds regular-season data only (no playoffs)"};
}

class SnapshotSource final : public DataSource {
 public:
  explicit SnapshotSource(SnapshotTables tables) : tables_(std::move(tables)) { buildIndexes(); }

  Result<std::vector<SeasonCoverage>> seasons(const CallContext&) const override {
    return seasons_;
  }

  Result<Table<Team>> teams(const CallContext&) const override {
    return Table<Team>{seasonlessMeta("derived/teams.csv (NBA.com + bbref)"),
                       borrowAll(tables_.teams)};
  }

  Result<Table<Player>> players(const CallContext&) const override {
    return Table<Player>{seasonlessMeta("basketball-reference + NBA.com"),
                         borrowAll(tables_.players)};
  }

  Result<Player> player(const CallContext&, const std::string& player_id) const override {
    auto it = player_index_.find(player_id);
    if (it == player_index_.end()) {
      return notFound("no player with id '" + echoUserText(player_id) + "' in the snapshot");
    }
    return tables_.players[it->second];
  }

  Result<Table<PlayerSeasonLine>> playerSeasonStats(
      const CallContext&, const PlayerSeasonStatsRequest& request) const override {
    if (request.season_type == SeasonType::kPlayoffs) {
      return noPlayoffs();
    }
    Result<TableMeta> meta = metaFor(request.season, "player_season_lines", "player stats");
    if (!meta.ok()) {
      return meta.status();
    }
    Table<PlayerSeasonLine> table{*meta, {}};
    if (request.player_id) {
      // One player's lines through his index, not a scan of the season.
      if (auto it = lines_by_player_.find(*request.player_id); it != lines_by_player_.end()) {
        for (std::size_t i : it->second) {
          const PlayerSeasonLine& line = tables_.player_lines[i];
          if (line.season == request.season && requestKeeps(request, line)) table.rows.borrow(line);
        }
      }
      return table;
    }
    auto range = lines_by_season_.find(request.season.start_year);
    if (range == lines_by_season_.end()) {
      return table;
    }
    table.rows.reserve(range->second.second - range->second.first);
    for (std::size_t i = range->second.first; i < range->second.second; ++i) {
      const PlayerSeasonLine& line = tables_.player_lines[i];
      if (requestKeeps(request, line)) {
        table.rows.borrow(line);
      }
    }
    return table;
  }

  Result<Table<PlayerSeasonLine>> playerCareer(const CallContext&,
                                               const std::string& player_id) const override {
    if (!player_index_.count(player_id)) {
      return notFound("no player with id '" + echoUserText(player_id) + "' in the snapshot");
    }
    Table<PlayerSeasonLine> table{seasonlessMeta("basketball-reference + NBA.com"), {}};
    std::optional<Season> newest;
    if (auto it = lines_by_player_.find(player_id); it != lines_by_player_.end()) {
      for (std::size_t i : it->second) {
        table.rows.borrow(tables_.player_lines[i]);
        newest = std::max(newest.value_or(tables_.player_lines[i].season),
                          tables_.player_lines[i].season);
      }
    }
    // The figures are as of the newest season's player lines, not of the snapshot's latest
    // table: 2025-26's lines end on 2026-02-21 while its games run to 2026-02-27.
    if (newest) {
      if (auto lines_meta = metaFor(*newest, "player_season_lines", "player stats");
          lines_meta.ok()) {
        table.meta.as_of = lines_meta->as_of;
      }
    }
    return table;
  }

  Result<Table<TeamSeasonLine>> teamSeasonStats(const CallContext&, Season season,
                                                SeasonType season_type) const override {
    if (season_type == SeasonType::kPlayoffs) {
      return noPlayoffs();
    }
    Result<TableMeta> meta = metaFor(season, "team_season_lines", "team stats");
    if (!meta.ok()) {
      return meta.status();
    }
    Table<TeamSeasonLine> table{*meta, {}};
    for (const TeamSeasonLine& line : tables_.team_lines) {
      if (line.season == season) {
        table.rows.borrow(line);
      }
    }
    return table;
  }

  // The snapshot's games of the date, all final; it has no clock and no leaders.
  Result<Table<ScoreboardGame>> scoreboard(const CallContext& context,
                                           const ScoreboardRequest& request) const override {
    GamesRequest games_request;
    games_request.season = request.season;
    games_request.date_from = request.date;
    games_request.date_to = request.date;
    auto played = games(context, games_request);
    if (!played.ok()) {
      return played.status();
    }
    std::vector<ScoreboardGame> board;
    for (const Game& game : played->rows) {
      board.push_back({game, GameStatus::kFinal, "Final", 0, "", "", std::nullopt, std::nullopt});
    }
    return Table<ScoreboardGame>{played->meta, Rows<ScoreboardGame>(std::move(board))};
  }

  Result<Table<Game>> games(const CallContext&, const GamesRequest& request) const override {
    if (request.season_type == SeasonType::kPlayoffs) {
      return noPlayoffs();
    }
    Result<TableMeta> meta = metaFor(request.season, "games", "games");
    if (!meta.ok()) {
      return meta.status();
    }
    Table<Game> table{*meta, {}};
    // A team's games through its index; else the season's.
    const std::vector<std::size_t>* candidates = nullptr;
    if (request.team) {
      auto it = games_by_team_season_.find({*request.team, request.season.start_year});
      if (it != games_by_team_season_.end()) candidates = &it->second;
    } else if (auto it = games_by_season_.find(request.season.start_year);
               it != games_by_season_.end()) {
      candidates = &it->second;
    }
    if (candidates == nullptr) return table;
    for (std::size_t i : *candidates) {
      const Game& game = tables_.games[i];
      if (requestKeeps(request, game)) table.rows.borrow(game);
    }
    return table;
  }

  Result<Table<StandingRow>> standings(const CallContext&, Season season) const override {
    Result<TableMeta> meta = metaFor(season, "games", "standings");
    if (!meta.ok()) {
      return meta.status();
    }
    auto it = standings_.find(season.start_year);
    Table<StandingRow> table{*meta, {}};
    if (it != standings_.end()) table.rows = borrowAll(it->second);
    return table;
  }

  Result<Table<AwardEntry>> awards(const CallContext&,
                                   std::optional<Season> season) const override {
    Table<AwardEntry> table{seasonlessMeta("basketball-reference"), {}};
    if (season) {
      Result<TableMeta> meta = metaFor(*season, "awards", "awards");
      if (!meta.ok()) {
        return meta.status();
      }
      table.meta = *meta;
    }
    for (const AwardEntry& entry : tables_.awards) {
      if (!season || entry.season == *season) {
        table.rows.borrow(entry);
      }
    }
    return table;
  }

  Result<Table<AwardEntry>> playerAwards(const CallContext& context,
                                         const std::string& player_id) const override {
    auto all = awards(context, std::nullopt);
    if (!all.ok()) {
      return all.status();
    }
    all->rows.dropIf([&](const AwardEntry& entry) { return entry.player_id != player_id; });
    return all;
  }

  Result<Table<ScoreboardGame>> upcomingGames(const CallContext&,
                                              const UpcomingGamesRequest&) const override {
    return Status(StatusCode::kUnimplemented,
                  "the offline snapshot holds played games only, not the schedule ahead");
  }

  // The logged lines of the game (2023-24 only, and partial: the logs miss some players).
  Result<Table<BoxScorePlayer>> boxScore(const CallContext&,
                                         const BoxScoreRequest& request) const override {
    Result<TableMeta> meta = metaFor(request.season, "player_game_logs", "game logs");
    if (!meta.ok()) {
      std::vector<Season> logged;
      for (const auto& [key, row] : meta_) {
        if (key.second == "player_game_logs") logged.push_back(row->season);
      }
      return notFound(
          "box scores need the live NBA.com origin; the offline snapshot has player "
          "lines only for " +
          seasonList(logged) + " (partial game logs)");
    }
    std::vector<BoxScorePlayer> lines;
    for (const GameLogRow& row : tables_.game_logs) {
      if (row.game_id != request.game_id || row.season != request.season) continue;
      auto player = player_index_.find(row.player_id);
      lines.push_back({row, player == player_index_.end() ? row.player_id
                                                          : tables_.players[player->second].name});
    }
    return Table<BoxScorePlayer>{*meta, Rows<BoxScorePlayer>(std::move(lines))};
  }

  Result<Table<GameLogRow>> playerGameLog(const CallContext&, const std::string& player_id,
                                          Season season) const override {
    Result<TableMeta> meta = metaFor(season, "player_game_logs", "game logs");
    if (!meta.ok()) {
      return meta.status();
    }
    auto it = logs_by_player_season_.find({player_id, season.start_year});
    if (it == logs_by_player_season_.end()) {
      return notFound("no " + season.label() + " game log for player '" + player_id +
                      "' in the snapshot (its game logs are partial: some players are missing)");
    }
    Table<GameLogRow> table{*meta, {}};
    for (std::size_t i = it->second.first; i < it->second.second; ++i) {
      table.rows.borrow(tables_.game_logs[i]);
    }
    return table;
  }

  Result<Table<GameLogRow>> seasonGameLogs(const CallContext&, Season season) const override {
    Result<TableMeta> meta = metaFor(season, "player_game_logs", "game logs");
    if (!meta.ok()) {
      return meta.status();
    }
    Table<GameLogRow> table{*meta, {}};
    for (const GameLogRow& row : tables_.game_logs) {
      if (row.season == season) table.rows.borrow(row);
    }
    return table;
  }

 private:
  // Every row of one of the source's own tables, by reference (they never change).
  template <typename Row>
  static Rows<Row> borrowAll(const std::vector<Row>& rows) {
    Rows<Row> out;
    out.reserve(rows.size());
    for (const Row& row : rows) out.borrow(row);
    return out;
  }

  std::vector<Season> availableSeasons() const {
    std::vector<Season> out;
    for (const SeasonCoverage& c : seasons_) {
      out.push_back(c.season);
    }
    return out;
  }

  // The meta of (season, table), or kNotFound naming what exists.
  Result<TableMeta> metaFor(Season season, const std::string& table,
                            const std::string& what) const {
    auto it = meta_.find({season.start_year, table});
    if (it != meta_.end()) {
      const MetaRow& row = *it->second;
      TableMeta meta;
      meta.season = season;
      meta.as_of = row.as_of;
      meta.coverage = row.coverage;
      meta.source = kSource;
      meta.origin = row.origin;
      return meta;
    }
    std::vector<Season> with_table;
    for (const auto& [key, row] : meta_) {
      if (key.second == table) {
        with_table.push_back(row->season);
      }
    }
    const std::vector<Season> all = availableSeasons();
    if (std::find(all.begin(), all.end(), season) == all.end()) {
      return notFound("no data for season " + season.label() +
                      " in the offline snapshot; available: " + seasonList(all));
    }
    return notFound("the offline snapshot has no " + what + " for " + season.label() + "; " + what +
                    " exist for " + seasonList(with_table));
  }

  TableMeta seasonlessMeta(const std::string& origin) const {
    TableMeta meta;
    meta.source = kSource;
    meta.origin = origin;
    if (!seasons_.empty()) {
      meta.as_of = seasons_.back().as_of;
    }
    return meta;
  }

  void buildIndexes() {
    std::map<int, SeasonCoverage> seasons;
    for (const MetaRow& row : tables_.meta) {
      meta_[{row.season.start_year, row.table}] = &row;
      SeasonCoverage& c = seasons[row.season.start_year];
      c.season = row.season;
      c.as_of = std::max(c.as_of, row.as_of);
      if (row.coverage == Coverage::kPartial && row.table != "player_game_logs") {
        c.coverage = Coverage::kPartial;
      }
    }
    for (const auto& [year, c] : seasons) {
      seasons_.push_back(c);
    }
    for (std::size_t i = 0; i < tables_.players.size(); ++i) {
      player_index_.emplace(tables_.players[i].player_id, i);
    }
    // player_season_lines.tsv is sorted by season: record each season's range.
    for (std::size_t i = 0; i < tables_.player_lines.size(); ++i) {
      const PlayerSeasonLine& line = tables_.player_lines[i];
      auto [it, inserted] = lines_by_season_.try_emplace(line.season.start_year, i, i + 1);
      it->second.second = i + 1;
      lines_by_player_[line.player_id].push_back(i);
    }
    for (std::size_t i = 0; i < tables_.game_logs.size(); ++i) {
      const GameLogRow& row = tables_.game_logs[i];
      auto [it, inserted] = logs_by_player_season_.try_emplace(
          std::pair{row.player_id, row.season.start_year}, i, i + 1);
      it->second.second = i + 1;
    }
    for (std::size_t i = 0; i < tables_.games.size(); ++i) {
      const Game& game = tables_.games[i];
      games_by_season_[game.season.start_year].push_back(i);
      games_by_team_season_[{game.home, game.season.start_year}].push_back(i);
      games_by_team_season_[{game.away, game.season.start_year}].push_back(i);
    }
    for (const SeasonCoverage& c : seasons_) {
      standings_[c.season.start_year] = deriveStandings(c.season, tables_.games, tables_.teams);
    }
  }

  const SnapshotTables tables_;
  std::vector<SeasonCoverage> seasons_;
  std::map<std::pair<int, std::string>, const MetaRow*> meta_;
  std::unordered_map<std::string, std::size_t> player_index_;
  std::map<int, std::pair<std::size_t, std::size_t>> lines_by_season_;
  std::unordered_map<std::string, std::vector<std::size_t>> lines_by_player_;
  std::map<std::pair<std::string, int>, std::pair<std::size_t, std::size_t>> logs_by_player_season_;
  std::map<int, std::vector<StandingRow>> standings_;
  // Indexes into tables_.games in table order (date, then game id).
  std::map<int, std::vector<std::size_t>> games_by_season_;
  std::map<std::pair<std::string, int>, std::vector<std::size_t>> games_by_team_season_;
};

}  // namespace

Result<std::unique_ptr<DataSource>> newSnapshotSource(const std::vector<EmbeddedFile>& files,
                                                      const std::string& where) {
  std::map<std::string, std::string_view> by_name;
  for (const EmbeddedFile& file : files) {
    by_name.emplace(std::string(file.path), file.data);
  }
  Result<SnapshotTables> tables = snapshot::parseSnapshotTables(by_name, where);
  if (!tables.ok()) {
    return tables.status();
  }
  if (tables->meta.empty() || tables->teams.empty()) {
    return Status(StatusCode::kDataLoss, where + ": meta.tsv or teams.tsv has no rows");
  }
  return std::unique_ptr<DataSource>(new SnapshotSource(std::move(tables).value()));
}

Result<std::unique_ptr<DataSource>> newEmbeddedSnapshotSource() {
  return newSnapshotSource(embeddedSnapshotFiles(), "the embedded snapshot");
}

Result<std::unique_ptr<DataSource>> newSnapshotSourceFromDirectory(const std::string& dir) {
  if (!std::filesystem::is_directory(dir)) {
    return notFound("snapshot dir " + dir + " does not exist");
  }
  std::vector<std::string> texts;
  std::vector<std::string> names;
  for (std::string_view name :
       {snapshot::kMetaFile, snapshot::kTeamsFile, snapshot::kPlayersFile,
        snapshot::kPlayerLinesFile, snapshot::kTeamLinesFile, snapshot::kGamesFile,
        snapshot::kAwardsFile, snapshot::kGameLogsFile}) {
    std::ifstream in(dir + "/" + std::string(name), std::ios::binary);
    if (!in) {
      continue;  // reported by the parser as "... is missing <name>"
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    texts.push_back(buffer.str());
    names.emplace_back(name);
  }
  std::vector<EmbeddedFile> files;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    files.push_back({names[i], texts[i]});
  }
  return newSnapshotSource(files, "snapshot dir " + dir);
}

}  // namespace nba
