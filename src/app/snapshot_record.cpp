#include "app/snapshot_record.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>

#include "app/origin_sources.h"
#include "app/server_builder.h"
#include "core/stopwatch.h"
#include "domain/season_resolver.h"
#include "origin/snapshot/snapshot_writer.h"

namespace nba::app {
namespace {

// The tables of one season, fetched, and what went into them.
struct Recording {
  snapshot::SnapshotTables tables;
};

void progressLine(const std::string& line) { std::cerr << "snapshot record: " << line << "\n"; }

// Runs one fetch, with a line on stderr saying what came back and how long it took.
template <typename Fetch>
auto timed(const Clock& clock, const std::string& what, Fetch fetch) -> decltype(fetch()) {
  Stopwatch stopwatch(clock);
  auto result = fetch();
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.1f s",
                std::chrono::duration<double>(stopwatch.lap()).count());
  if (result.ok()) {
    progressLine(what + ": " + std::to_string(result.value().rows.size()) + " rows (" + seconds +
                 ")");
  } else {
    progressLine(what + ": failed: " + result.status().message());
  }
  return result;
}

// The players who have a line in the season, with this season's points as prominence.
std::vector<Player> playersWithLines(const Table<Player>& all,
                                     const std::vector<PlayerSeasonLine>& lines) {
  std::map<std::string, int> points;
  for (const PlayerSeasonLine& line : lines) {
    if (line.stint == 0) points[line.player_id] = line.pts;
  }
  std::vector<Player> kept;
  for (const Player& player : all.rows) {
    auto it = points.find(player.player_id);
    if (it == points.end()) continue;
    Player copy = player;
    copy.prominence = it->second;
    kept.push_back(std::move(copy));
  }
  return kept;
}

snapshot::MetaRow metaRow(Season season, const char* table, const TableMeta& meta,
                          const std::string& as_of, const std::string& recorded_on) {
  return {season,        table,       as_of,
          meta.coverage, meta.origin, "recorded by nba-mcp snapshot record on " + recorded_on};
}

Status record(const CallContext& call, const DataSource& live, Season season, Recording& out) {
  const Clock& clock = call.clock();
  auto teams = timed(clock, "teams", [&] { return live.teams(call); });
  if (!teams.ok()) return teams.status();
  auto players = timed(clock, "players (NBA.com player index)", [&] { return live.players(call); });
  if (!players.ok()) return players.status();
  PlayerSeasonStatsRequest request;
  request.season = season;
  auto lines = timed(clock, "player_season_lines " + season.label(),
                     [&] { return live.playerSeasonStats(call, request); });
  if (!lines.ok()) return lines.status();
  auto team_lines = timed(clock, "team_season_lines " + season.label(), [&] {
    return live.teamSeasonStats(call, season, SeasonType::kRegularSeason);
  });
  if (!team_lines.ok()) return team_lines.status();
  GamesRequest games_request;
  games_request.season = season;
  auto games =
      timed(clock, "games " + season.label(), [&] { return live.games(call, games_request); });
  if (!games.ok()) return games.status();
  auto logs = timed(clock, "player_game_logs " + season.label(),
                    [&] { return live.seasonGameLogs(call, season); });
  if (!logs.ok()) return logs.status();

  snapshot::SnapshotTables& t = out.tables;
  t.teams.assign(teams->rows.begin(), teams->rows.end());
  t.player_lines.assign(lines->rows.begin(), lines->rows.end());
  t.players = playersWithLines(players.value(), t.player_lines);
  t.team_lines.assign(team_lines->rows.begin(), team_lines->rows.end());
  t.games.assign(games->rows.begin(), games->rows.end());
  t.game_logs.assign(logs->rows.begin(), logs->rows.end());
  // The figures include games up to the last one played; the fetch date says when.
  std::string as_of = lines->meta.as_of;
  if (!t.games.empty()) as_of = t.games.back().date;
  const std::string recorded_on = lines->meta.as_of;
  t.meta = {metaRow(season, "games", games->meta, as_of, recorded_on),
            metaRow(season, "player_season_lines", lines->meta, as_of, recorded_on),
            metaRow(season, "team_season_lines", team_lines->meta, as_of, recorded_on),
            metaRow(season, "player_game_logs", logs->meta, as_of, recorded_on)};
  progressLine("awards: not recorded (NBA.com lists awards only player by player)");
  return Status::ok();
}

}  // namespace

int runSnapshotRecord(const Config& config, const std::string& season_text,
                      const std::string& out_dir) {
  auto season = parseSeasonText(season_text);
  if (!season.ok()) {
    std::cerr << "nba-mcp snapshot record: " << season.status().message() << "\n";
    return 2;
  }
  Config live_config = config;
  live_config.origin = "live";
  auto clock = makeClock(live_config);
  if (!clock.ok()) {
    std::cerr << "nba-mcp snapshot record: " << clock.status().message() << "\n";
    return 2;
  }
  auto sources = buildOriginSources(live_config, *clock.value());
  if (!sources.ok()) {
    std::cerr << "nba-mcp snapshot record: " << sources.status().message() << "\n";
    return 2;
  }
  const auto now = clock.value()->wallNow();
  if (season.value() > seasonAt(now)) {
    std::cerr << "nba-mcp snapshot record: " << seasonNotStarted(season.value(), now).message()
              << "\n";
    return 2;
  }
  CallContext call(*clock.value(), Caller::kCommandLine);
  call.withProgress([](const std::string& message) { progressLine("  " + message); });
  Recording recording;
  if (Status status = record(call, *sources.value()->live, season.value(), recording);
      !status.isOk()) {
    std::cerr << "nba-mcp snapshot record: nothing written: " << status.message() << "\n";
    return 1;
  }
  if (Status status = snapshot::writeSnapshotDirectory(out_dir, recording.tables); !status.isOk()) {
    std::cerr << "nba-mcp snapshot record: " << status.message() << "\n";
    return 1;
  }
  progressLine("wrote " + out_dir + " (load it with --origin snapshot --snapshot " + out_dir + ")");
  return 0;
}

}  // namespace nba::app
