// The L2 binary's numbers: every double comes back to the bit, decimals of up to three
// places in a few bytes, and a reader that ran out stays failed.
#include "cache/byte_codec.h"

#include <doctest/doctest.h>

#include <bit>
#include <cmath>
#include <limits>
#include <random>

namespace nba::cache {
namespace {

std::string written(double value) {
  ByteWriter writer;
  writer.real(value);
  return writer.take();
}

std::uint64_t bitsOf(double value) { return std::bit_cast<std::uint64_t>(value); }

// The value read back from `value`'s bytes, which must be used up exactly.
double readBack(double value) {
  const std::string bytes = written(value);
  ByteReader reader(bytes);
  const double back = reader.real();
  REQUIRE(reader.ok());
  CHECK(reader.atEnd());
  return back;
}

TEST_CASE("byte codec: a stat's decimal is stored in two or three bytes and read back exactly") {
  for (const double figure : {32.7, 0.441, 26.4, -12.5, 0.0, 100.0, 2484.0, 0.005, -0.1}) {
    CAPTURE(figure);
    CHECK(bitsOf(readBack(figure)) == bitsOf(figure));
    CHECK(written(figure).size() <= 3);
  }
  CHECK(written(32.7).size() == 2);  // 327, one place: head (327 * 2) * 4 + 1 + 1 = 2618
}

TEST_CASE("byte codec: doubles that are not short decimals keep their eight bytes, to the bit") {
  const double awkward[] = {1.0 / 3,
                            0.1234,
                            -0.0,
                            std::numeric_limits<double>::infinity(),
                            -std::numeric_limits<double>::infinity(),
                            std::numeric_limits<double>::denorm_min(),
                            std::numeric_limits<double>::max(),
                            0x1p53 + 2,
                            std::numeric_limits<double>::quiet_NaN()};
  for (const double value : awkward) {
    CAPTURE(value);
    CHECK(bitsOf(readBack(value)) == bitsOf(value));
    CHECK(written(value).size() == 9);  // the 0 head, then the IEEE bytes
  }
}

TEST_CASE("byte codec: random decimals and random bit patterns all round-trip") {
  std::mt19937_64 random(20261201);
  std::uniform_int_distribution<std::int64_t> scaled(-5'000'000, 5'000'000);
  for (int i = 0; i < 20'000; ++i) {
    const double decimal = static_cast<double>(scaled(random)) / kPowersOfTen[i % 4];
    CAPTURE(decimal);
    REQUIRE(bitsOf(readBack(decimal)) == bitsOf(decimal));
    REQUIRE(written(decimal).size() <= 5);
    const double any = std::bit_cast<double>(random());
    CAPTURE(any);
    REQUIRE(bitsOf(readBack(any)) == bitsOf(any));
  }
}

TEST_CASE("byte codec: a reader that runs short fails for good and reads zeros") {
  std::string bytes = written(1.0 / 3);
  bytes.pop_back();
  ByteReader reader(bytes);
  CHECK(reader.real() == 0);
  CHECK_FALSE(reader.ok());
  CHECK(reader.unsignedNumber() == 0);
  CHECK(reader.textView().empty());
  CHECK_FALSE(reader.ok());

  ByteWriter two;
  two.unsignedNumber(300);  // two bytes: the inline path
  two.unsignedNumber(5);
  ByteReader numbers(two.bytes());
  CHECK(numbers.unsignedNumber() == 300);
  CHECK(numbers.unsignedNumber() == 5);  // the last byte, on the checked path
  CHECK(numbers.ok());
  CHECK(numbers.atEnd());
  CHECK(numbers.unsignedNumber() == 0);
  CHECK_FALSE(numbers.ok());
}

}  // namespace
}  // namespace nba::cache
