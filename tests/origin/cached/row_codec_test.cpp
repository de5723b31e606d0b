// The cache's stored form: every value type round-trips exactly, and bytes that are not a
// value it wrote (truncated, flipped, another type, another version) decode to nothing.
#include "origin/cached/row_codec.h"

#include <doctest/doctest.h>

#include <random>

#include "cache/compression.h"
#include "origin/snapshot_fixture.h"

namespace nba::cached {
namespace {

template <typename Value>
void roundTrips(const Value& value) {
  const std::string bytes = encode(value);
  const auto decoded = decode<Value>(bytes);
  REQUIRE(decoded.has_value());
  CHECK(encode(*decoded) == bytes);  // every field came back
}

TEST_CASE("row codec: the snapshot's tables round-trip, field for field") {
  const DataSource& snapshot = testing::embeddedSnapshot();
  const CallContext call = testing::testCall();
  PlayerSeasonStatsRequest lines;
  lines.season = Season{2024};
  auto season = snapshot.playerSeasonStats(call, lines);
  REQUIRE(season.ok());
  roundTrips(season.value());
  roundTrips(snapshot.teams(call).value());
  roundTrips(snapshot.players(call).value());
  roundTrips(snapshot.player(call, "1628983").value());
  roundTrips(snapshot.teamSeasonStats(call, Season{2024}, SeasonType::kRegularSeason).value());
  GamesRequest games;
  games.season = Season{2023};
  roundTrips(snapshot.games(call, games).value());
  roundTrips(snapshot.standings(call, Season{2024}).value());
  roundTrips(snapshot.awards(call, Season{2024}).value());
  roundTrips(snapshot.playerGameLog(call, "1628983", Season{2023}).value());

  // Spot checks on what came back.
  const auto decoded = decode<Table<PlayerSeasonLine>>(encode(season.value()));
  const auto shai =
      std::find_if(decoded->rows.begin(), decoded->rows.end(),
                   [](const PlayerSeasonLine& l) { return l.player_id == "1628983"; });
  REQUIRE(shai != decoded->rows.end());
  CHECK(shai->pts_pg == doctest::Approx(32.7));
  CHECK(shai->pts == 2484);
  CHECK(decoded->meta.as_of == season->meta.as_of);
  CHECK(decoded->meta.season == Season{2024});
}

TEST_CASE("row codec: a scoreboard with leaders and a box score round-trip") {
  Table<ScoreboardGame> board;
  board.meta.source = "live";
  board.meta.notes = {"first", "second"};
  ScoreboardGame game;
  game.game = {Season{2025}, "2026-02-22", "0022500800", "CLE", "WAS", 71, 65, GameKind::kRegular};
  game.status = GameStatus::kInProgress;
  game.status_text = "Q3 5:12";
  game.period = 3;
  game.home_leader = GameLeader{"1628378", "Donovan Mitchell", "CLE", 31, 4, 5};
  board.rows = Rows<ScoreboardGame>(std::vector{game});
  roundTrips(board);
  const auto back = decode<Table<ScoreboardGame>>(encode(board));
  CHECK(back->rows[0].home_leader->name == "Donovan Mitchell");
  CHECK_FALSE(back->rows[0].away_leader.has_value());
  CHECK(back->rows[0].status == GameStatus::kInProgress);

  Table<BoxScorePlayer> box;
  BoxScorePlayer line;
  line.name = "Donovan Mitchell";
  line.line.pts = 71;
  line.line.plus_minus = -3;
  box.rows = Rows<BoxScorePlayer>(std::vector{line});
  roundTrips(box);
  CHECK(decode<Table<BoxScorePlayer>>(encode(box))->rows[0].line.plus_minus == -3);
}

TEST_CASE("row codec: foreign, truncated and corrupted bytes never decode to a wrong value") {
  const auto teams = testing::embeddedSnapshot().teams(testing::testCall()).value();
  const std::string bytes = encode(teams);
  CHECK_FALSE(decode<Table<Game>>(bytes).has_value());  // another type
  std::string other_version = bytes;
  other_version[0] = 9;
  CHECK_FALSE(decode<Table<Team>>(other_version).has_value());
  CHECK_FALSE(decode<Table<Team>>(bytes + "x").has_value());  // trailing bytes
  for (std::size_t cut = 0; cut < bytes.size(); ++cut) {
    CHECK_FALSE(decode<Table<Team>>(std::string_view(bytes).substr(0, cut)).has_value());
  }
  // Flipped bytes: refused, or (a flipped letter in a name) a whole value, never a crash or
  // a half-read one; under ASan any overread would stop the test.
  std::mt19937 random(7);
  int refused = 0;
  for (int round = 0; round < 2000; ++round) {
    std::string mutated = bytes;
    mutated[random() % mutated.size()] = static_cast<char>(random() % 256);
    if (auto value = decode<Table<Team>>(mutated)) {
      CHECK(decode<Table<Team>>(encode(*value)).has_value());
    } else {
      ++refused;
    }
  }
  CHECK(refused > 0);
  // A count larger than the bytes left cannot make the decoder allocate for it.
  CHECK_FALSE(
      decode<Table<Team>>(std::string("\x01\x01\x00\x00\x00\x00\x00\x00\xff\xff\xff\xff\x0f", 13))
          .has_value());
}

// A table's rows are stored by column: row count, column count, then each column's bytes.
TEST_CASE("row codec: a table's columns must match its rows and its row type exactly") {
  const auto all = testing::embeddedSnapshot().teams(testing::testCall()).value();
  Table<Team> empty;
  empty.meta = all.meta;
  roundTrips(empty);
  const std::string empty_bytes = encode(empty);
  REQUIRE(empty_bytes.substr(empty_bytes.size() - 2) == std::string("\0\0", 2));
  const std::string meta = empty_bytes.substr(0, empty_bytes.size() - 2);

  Table<Team> two = empty;
  two.rows = Rows<Team>(std::vector<Team>{all.rows[0], all.rows[1]});
  const std::string two_bytes = encode(two);
  REQUIRE(two_bytes.substr(meta.size(), 2) == "\x02\x0a");  // 2 rows, Team's 10 fields
  CHECK(decode<Table<Team>>(two_bytes)->rows[1].abbr == all.rows[1].abbr);

  std::string one_row_claimed = two_bytes;  // each column keeps a second row nobody reads
  one_row_claimed[meta.size()] = 1;
  CHECK_FALSE(decode<Table<Team>>(one_row_claimed).has_value());

  std::string extra_column = two_bytes;  // an eleventh column no field reads
  extra_column[meta.size() + 1] = 11;
  CHECK_FALSE(decode<Table<Team>>(extra_column + std::string("\x02\x00\x00", 3)).has_value());

  // Fewer columns than the row type has fields: the fields past them are not read as zeros.
  CHECK_FALSE(decode<Table<Team>>(meta + "\x01\x01\x01\x05").has_value());
  // Rows but no columns, and more rows than a column has bytes: refused before reserving.
  CHECK_FALSE(decode<Table<Team>>(meta + std::string("\x02\x00", 2)).has_value());
  CHECK_FALSE(decode<Table<Team>>(meta + "\x80\x80\x80\x80\x10\x01\x01\x05").has_value());
}

TEST_CASE("packing: raw up to 1 KiB, zlib above; anything else unpacks to nothing") {
  CHECK(cache::packValue("small") == "Rsmall");
  CHECK(cache::unpackValue("Rsmall") == "small");
  const std::string big = encode(testing::embeddedSnapshot().teams(testing::testCall()).value());
  REQUIRE(big.size() > cache::kCompressAbove);
  const std::string packed = cache::packValue(big);
  CHECK(packed.front() == 'Z');
  CHECK(packed.size() < big.size() / 2);
  CHECK(cache::unpackValue(packed) == big);
  CHECK_FALSE(cache::unpackValue("").has_value());
  CHECK_FALSE(cache::unpackValue("Xabc").has_value());
  CHECK_FALSE(cache::unpackValue(packed.substr(0, packed.size() - 5)).has_value());
  CHECK_FALSE(cache::unpackValue("Z\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01").has_value());
}

TEST_CASE("packing: a value an earlier build stored with zlib's own deflate still unpacks") {
  // zlib.compress(b"Shai Gilgeous-Alexander 32.7 " * 40, 1): what compress2 at Z_BEST_SPEED
  // wrote before libdeflate took over, behind 'Z' and the raw size 1160 as a varint.
  const std::string stream(
      "\x78\x01\x0b\xce\x48\xcc\x54\x70\xcf\xcc\x49\x4f\xcd\x2f\x2d\xd6\x75\xcc\x49\xad\x48\xcc"
      "\x4b\x49\x2d\x52\x30\x36\xd2\x33\x57\x08\x1e\x95\x1c\x0d\x84\xd1\x94\x30\x9a\x1d\x68\x5f"
      "\x26\x00\x00\x31\x9c\x83\x68",
      51);
  std::string expected;
  for (int i = 0; i < 40; ++i) expected += "Shai Gilgeous-Alexander 32.7 ";
  CHECK(cache::unpackValue("Z\x88\x09" + stream) == expected);
  // A raw size the stream does not inflate to is a corrupt row, not a short value.
  CHECK_FALSE(cache::unpackValue("Z\x87\x09" + stream).has_value());
  CHECK_FALSE(cache::unpackValue("Z\x89\x09" + stream).has_value());
}

TEST_CASE("packing: unpacking into a scratch buffer reuses it, and a raw value is not copied") {
  const std::string big = encode(testing::embeddedSnapshot().teams(testing::testCall()).value());
  const std::string packed = cache::packValue(big);
  std::string scratch;
  const auto first = cache::unpackValue(packed, scratch);
  REQUIRE(first.has_value());
  CHECK(*first == big);
  const char* buffer = scratch.data();
  const auto second = cache::unpackValue(packed, scratch);
  REQUIRE(second.has_value());
  CHECK(*second == big);
  CHECK(second->data() == buffer);  // the same buffer, not a new one
  const std::string raw = "Rsmall";
  const auto small = cache::unpackValue(raw, scratch);
  REQUIRE(small.has_value());
  CHECK(*small == "small");
  CHECK(small->data() == raw.data() + 1);
  CHECK_FALSE(cache::unpackValue(packed.substr(0, packed.size() - 5), scratch).has_value());
}

}  // namespace
}  // namespace nba::cached
