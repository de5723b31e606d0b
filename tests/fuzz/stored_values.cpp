#include "fuzz/stored_values.h"

#include <optional>

#include "cache/compression.h"
#include "core/clock.h"
#include "fuzz/oracle.h"
#include "origin/cached/row_codec.h"
#include "origin/snapshot/snapshot_source.h"

namespace nba::fuzz {
namespace {

template <typename Value>
bool checkAs(std::string_view bytes) {
  const std::optional<Value> value = cached::decode<Value>(bytes);
  if (!value) return false;  // refused: what the cache does with a corrupt entry
  const std::string again = cached::encode(*value);
  const std::optional<Value> back = cached::decode<Value>(again);
  check(back.has_value(), "a decoded value's own encoding does not decode");
  check(back && cached::encode(*back) == again, "a decoded value does not encode the same twice");
  return true;
}

template <typename Row>
Table<Row> firstRows(const Table<Row>& table, std::size_t count) {
  Table<Row> out;
  out.meta = table.meta;
  out.rows = table.rows;
  out.rows.keepFirst(count);
  return out;
}

using Seeds = std::vector<std::pair<std::string, std::string>>;

// `value` encoded, bare and packed, behind `kind`, as seeds named after `name`.
template <typename Value>
void addSeeds(Seeds& out, std::uint8_t kind, const std::string& name, const Value& value) {
  const std::string bytes = cached::encode(value);
  const std::string packed = cache::packValue(bytes);
  // The kind numbers here and in checkStoredValue's switch must agree: a seed that does not
  // decode as its kind would only start the fuzzer from garbage.
  check(checkStoredValue(kind, bytes) &&
            checkStoredValue(static_cast<std::uint8_t>(kind | kPackedBit), packed),
        "a seed decodes as the kind it is filed under: " + name);
  out.emplace_back(name, std::string(1, static_cast<char>(kind)) + bytes);
  out.emplace_back(name + "-packed", std::string(1, static_cast<char>(kind | kPackedBit)) + packed);
}

// The table's first 0, 3 and 40 rows.
template <typename Row>
void addTableSeeds(Seeds& out, std::uint8_t kind, const std::string& name,
                   const Result<Table<Row>>& table) {
  check(table.ok(), "a seed table loads from the embedded snapshot");
  for (const std::size_t count : {0, 3, 40}) {
    addSeeds(out, kind, name + "-" + std::to_string(count), firstRows(table.value(), count));
  }
}

}  // namespace

bool checkStoredValue(std::uint8_t kind, std::string_view bytes) {
  std::string scratch;
  if ((kind & kPackedBit) != 0) {
    const auto raw = cache::unpackValue(bytes, scratch);
    if (!raw) return false;
    bytes = *raw;
  }
  // The type from the low seven bits only: with the packed bit in, 0x80 % 11 would read a
  // packed team list as awards.
  switch ((kind & ~kPackedBit) % kStoredValueKinds) {
    case 0:
      return checkAs<Table<Team>>(bytes);
    case 1:
      return checkAs<Table<Player>>(bytes);
    case 2:
      return checkAs<Player>(bytes);
    case 3:
      return checkAs<Table<PlayerSeasonLine>>(bytes);
    case 4:
      return checkAs<Table<TeamSeasonLine>>(bytes);
    case 5:
      return checkAs<Table<Game>>(bytes);
    case 6:
      return checkAs<Table<StandingRow>>(bytes);
    case 7:
      return checkAs<Table<AwardEntry>>(bytes);
    case 8:
      return checkAs<Table<ScoreboardGame>>(bytes);
    case 9:
      return checkAs<Table<BoxScorePlayer>>(bytes);
    default:
      return checkAs<Table<GameLogRow>>(bytes);
  }
}

Seeds storedValueSeeds() {
  Seeds out;
  auto source = newEmbeddedSnapshotSource();
  check(source.ok(), "the embedded snapshot loads");
  const DataSource& data = *source.value();
  static const std::shared_ptr<Clock> clock = newSystemClock();
  const CallContext call(*clock, Caller::kCommandLine);
  const Season season{2024};
  // The snapshot's game logs, and so its box scores, are 2023-24's.
  const Season logged{2023};
  addTableSeeds(out, 0, "teams", data.teams(call));
  addTableSeeds(out, 1, "players", data.players(call));
  const auto player = data.player(call, "1628983");
  check(player.ok(), "a seed player loads from the embedded snapshot");
  addSeeds(out, 2, "player", player.value());
  PlayerSeasonStatsRequest lines;
  lines.season = season;
  addTableSeeds(out, 3, "player-lines", data.playerSeasonStats(call, lines));
  addTableSeeds(out, 4, "team-lines",
                data.teamSeasonStats(call, season, SeasonType::kRegularSeason));
  GamesRequest games;
  games.season = season;
  addTableSeeds(out, 5, "games", data.games(call, games));
  addTableSeeds(out, 6, "standings", data.standings(call, season));
  addTableSeeds(out, 7, "awards", data.awards(call, season));
  const auto christmas = data.scoreboard(call, ScoreboardRequest{logged, "2023-12-25"});
  addTableSeeds(out, 8, "scoreboard", christmas);
  check(!christmas->rows.empty(), "Christmas 2023 has games in the snapshot");
  addTableSeeds(out, 9, "box-score",
                data.boxScore(call, BoxScoreRequest{logged, christmas->rows[0].game.game_id}));
  addTableSeeds(out, 10, "game-log", data.playerGameLog(call, "1628983", logged));
  return out;
}

}  // namespace nba::fuzz
