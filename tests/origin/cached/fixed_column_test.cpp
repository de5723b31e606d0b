// Numeric table columns in fixed width (origin/cached/fixed_column.h): the narrowest width and
// the column's base and places, values read back to the bit, the varint form kept for what the
// fixed one cannot hold, and stored bytes it could not have written refused.
#include "origin/cached/fixed_column.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

#include "domain/game.h"
#include "domain/scoreboard_game.h"
#include "origin/cached/row_codec.h"
#include "origin/snapshot_fixture.h"

namespace nba::cached {
namespace {

std::string bytesOf(std::initializer_list<int> values) {
  std::string out;
  for (const int value : values) out.push_back(static_cast<char>(value));
  return out;
}

// A row with one field of each kind the fixed form holds.
struct Cells {
  int whole = 0;
  std::int64_t wide = 0;
  bool flag = false;
  Season season;
  double real = 0;
  std::optional<int> maybe;
  std::optional<double> maybe_real;
};

template <typename Field>
std::size_t offsetIn(Field Cells::*member) {
  static const Cells row;
  return static_cast<std::size_t>(reinterpret_cast<const char*>(&(row.*member)) -
                                  reinterpret_cast<const char*>(&row));
}

// Writes `values` as one column and reads it back into rows' `member`; nullopt if the writer
// refused the fixed form or the reader refused its bytes.
template <typename Field>
std::optional<std::vector<Field>> roundTrip(const std::vector<Field>& values,
                                            Field Cells::*member) {
  FixedColumnWriter writer;
  for (const Field& value : values) writer.add(value);
  const auto bytes = writer.bytes();
  if (!bytes) return std::nullopt;
  std::vector<Cells> rows(values.size());
  cache::ByteReader in(*bytes);
  readFixedColumn<Cells, Field>(in, rows.data(), rows.size(), offsetIn(member));
  if (!in.ok() || !in.atEnd()) return std::nullopt;
  std::vector<Field> back;
  back.reserve(rows.size());
  for (const Cells& row : rows) back.push_back(row.*member);
  return back;
}

// Reads hand-made column bytes into one int field per row: whether the reader took them.
template <typename Field>
bool reads(const std::string& bytes, std::size_t rows, Field Cells::*member) {
  std::vector<Cells> cells(rows);
  cache::ByteReader in(bytes);
  readFixedColumn<Cells, Field>(in, cells.data(), cells.size(), offsetIn(member));
  return in.ok() && in.atEnd();
}

bool sameBits(double a, double b) {
  return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

TEST_CASE("fixed column: the column's base and the narrowest width that holds its spread") {
  FixedColumnWriter narrow;
  for (const int minutes : {1000, 1003, 1255}) narrow.add(minutes);
  // places 0, base 1000 (zigzag 2000 as a varint: d0 0f), width 1, then 0, 3, 255.
  CHECK(narrow.bytes() == bytesOf({0, 0xd0, 0x0f, 1, 0, 3, 0xff}));

  FixedColumnWriter wider;
  for (const int points : {-3, 253}) wider.add(points);  // spread 256: two bytes each
  CHECK(wider.bytes() == bytesOf({0, 5, 2, 0, 0, 0, 1}));

  FixedColumnWriter constant;  // one season throughout: the header alone
  for (int i = 0; i < 500; ++i) constant.add(Season{2024});
  CHECK(constant.bytes() == bytesOf({0, 0xd0, 0x1f, 0}));

  FixedColumnWriter ids;  // NBA.com team ids: a spread of 29 over a 10-digit base
  for (const std::int64_t id : {1610612737LL, 1610612766LL}) ids.add(id);
  const auto id_bytes = ids.bytes();
  REQUIRE(id_bytes.has_value());
  CHECK(id_bytes->substr(id_bytes->size() - 3) == bytesOf({1, 0, 29}));
}

TEST_CASE("fixed column: every kind of field reads back exactly") {
  CHECK(roundTrip<int>({2484, 0, -17, 2484}, &Cells::whole) ==
        std::vector<int>{2484, 0, -17, 2484});
  CHECK(roundTrip<std::int64_t>({1628983, 203999, 1641705}, &Cells::wide) ==
        std::vector<std::int64_t>{1628983, 203999, 1641705});
  CHECK(roundTrip<bool>({true, false, true}, &Cells::flag) == std::vector<bool>{true, false, true});
  CHECK(roundTrip<Season>({Season{2024}, Season{2023}}, &Cells::season) ==
        std::vector<Season>{Season{2024}, Season{2023}});
  CHECK(roundTrip<std::optional<int>>({std::nullopt, 7, std::nullopt, 9}, &Cells::maybe) ==
        std::vector<std::optional<int>>{std::nullopt, 7, std::nullopt, 9});
  CHECK(roundTrip<std::optional<int>>({std::nullopt, std::nullopt}, &Cells::maybe) ==
        std::vector<std::optional<int>>{std::nullopt, std::nullopt});

  // 32.7 points, 0.441 from the field, 5, -3.5: one column of three places, every value back
  // to the bit (not merely close).
  const std::vector<double> reals = {32.7, 0.441, 5, -3.5, 0.1, 99.9};
  const auto back = roundTrip<double>(reals, &Cells::real);
  REQUIRE(back.has_value());
  for (std::size_t i = 0; i < reals.size(); ++i) CHECK(sameBits((*back)[i], reals[i]));

  const auto maybe_reals =
      roundTrip<std::optional<double>>({0.519, std::nullopt, 1.0}, &Cells::maybe_real);
  REQUIRE(maybe_reals.has_value());
  CHECK(sameBits(*(*maybe_reals)[0], 0.519));
  CHECK_FALSE((*maybe_reals)[1].has_value());
  CHECK(sameBits(*(*maybe_reals)[2], 1.0));
}

TEST_CASE("fixed column: values it cannot hold exactly keep the varint form") {
  const auto refused = [](auto values) {
    FixedColumnWriter writer;
    for (const auto& value : values) writer.add(value);
    return !writer.bytes().has_value();
  };
  CHECK(refused(std::vector<double>{1.5, 1.0 / 3}));  // no places give 1/3 back
  CHECK(refused(std::vector<double>{-0.0}));          // would read back as +0
  CHECK(refused(std::vector<double>{std::numeric_limits<double>::quiet_NaN()}));
  CHECK(refused(std::vector<double>{std::numeric_limits<double>::infinity()}));
  CHECK(refused(std::vector<std::int64_t>{0, std::int64_t{1} << 33}));  // spread past 32 bits
  CHECK(refused(std::vector<std::string>{"OKC"}));
  // An optional of a type it cannot hold, even with no value present (an away leader not yet
  // known): the reader would refuse the form for that field.
  CHECK(refused(std::vector<std::optional<GameLeader>>{std::nullopt}));
  CHECK(refused(std::vector<GameKind>{GameKind::kRegular}));         // enums keep their range check
  CHECK_FALSE(refused(std::vector<std::int64_t>{0, 0xffffffffLL}));  // the widest spread
}

TEST_CASE("fixed column: bytes the writer could not have written are refused") {
  // places 0, base 0, width 1, two values.
  CHECK(reads(bytesOf({0, 0, 1, 4, 5}), 2, &Cells::whole));
  CHECK_FALSE(reads(bytesOf({0, 0, 3, 4, 5, 6, 7, 8, 9}), 2, &Cells::whole));  // width 3
  CHECK_FALSE(reads(bytesOf({0, 0, 1, 4}), 2, &Cells::whole));                 // a value short
  CHECK_FALSE(reads(bytesOf({1, 0, 1, 4, 5}), 2, &Cells::whole));  // places on a whole number
  CHECK(reads(bytesOf({1, 0, 1, 4, 5}), 2, &Cells::real));
  CHECK_FALSE(reads(bytesOf({4, 0, 1, 4, 5}), 2, &Cells::real));  // places past 3
  CHECK(reads(bytesOf({0, 0, 1, 0, 1}), 2, &Cells::flag));
  CHECK_FALSE(reads(bytesOf({0, 0, 1, 0, 2}), 2, &Cells::flag));  // a flag of 2
  // base 2^31 - 2 (zigzag fe ff ff ff 0f), plus 1 fits an int, plus 2 does not.
  CHECK(reads(bytesOf({0, 0xfc, 0xff, 0xff, 0xff, 0x0f, 1, 1}), 1, &Cells::whole));
  CHECK_FALSE(reads(bytesOf({0, 0xfc, 0xff, 0xff, 0xff, 0x0f, 1, 2}), 1, &Cells::whole));
  // A base at 2^62, where base + a value could overflow.
  CHECK_FALSE(reads(bytesOf({0, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01, 0}), 1,
                    &Cells::wide));
}

TEST_CASE("fixed column: a season's player lines store their numbers in it, and read back") {
  const DataSource& snapshot = testing::embeddedSnapshot();
  PlayerSeasonStatsRequest request;
  request.season = Season{2024};
  const auto lines = snapshot.playerSeasonStats(testing::testCall(), request).value();
  const std::string bytes = encode(lines);
  // 73,859 bytes as varints (format 3); the fixed columns take 65,848.
  CHECK(bytes.size() < 66'000);
  const auto back = decode<Table<PlayerSeasonLine>>(bytes);
  REQUIRE(back.has_value());
  REQUIRE(back->rows.size() == lines.rows.size());
  for (std::size_t i = 0; i < lines.rows.size(); ++i) {
    const PlayerSeasonLine& was = lines.rows[i];
    const PlayerSeasonLine& now = back->rows[i];
    CHECK(now.player_id == was.player_id);
    CHECK(now.pts == was.pts);
    CHECK(sameBits(now.pts_pg, was.pts_pg));
    CHECK(now.age == was.age);
    CHECK(now.ts_pct.has_value() == was.ts_pct.has_value());
    if (was.ts_pct) CHECK(sameBits(*now.ts_pct, *was.ts_pct));
  }
  const auto shai =
      std::find_if(back->rows.begin(), back->rows.end(),
                   [](const PlayerSeasonLine& l) { return l.player_id == "1628983"; });
  REQUIRE(shai != back->rows.end());
  CHECK(shai->pts_pg == 32.7);
  CHECK(shai->gp == 76);
}

TEST_CASE("fixed column: a table mixing both forms in one row type round-trips") {
  PlayerSeasonLine odd;
  odd.season = Season{2024};
  odd.player_id = "1";
  odd.team = "OKC";
  odd.teams = {"OKC"};
  odd.pts_pg = 1.0 / 3;  // varint form (raw double)
  odd.min_pg = -0.0;     // varint form
  odd.per = std::numeric_limits<double>::quiet_NaN();
  PlayerSeasonLine plain = odd;
  plain.player_id = "2";
  plain.pts_pg = 12.5;
  plain.min_pg = 30.1;
  plain.per.reset();
  Table<PlayerSeasonLine> table;
  table.rows = Rows<PlayerSeasonLine>(std::vector{odd, plain});
  const std::string bytes = encode(table);
  const auto back = decode<Table<PlayerSeasonLine>>(bytes);
  REQUIRE(back.has_value());
  CHECK(encode(*back) == bytes);
  CHECK(sameBits(back->rows[0].pts_pg, 1.0 / 3));
  CHECK(sameBits(back->rows[0].min_pg, -0.0));
  CHECK(std::isnan(*back->rows[0].per));
  CHECK(sameBits(back->rows[1].pts_pg, 12.5));
  CHECK_FALSE(back->rows[1].per.has_value());
}

}  // namespace
}  // namespace nba::cached
