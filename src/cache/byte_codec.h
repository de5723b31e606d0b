#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nba::cache {

// The divisors of a compact double: 10^places, places 0..3.
inline constexpr double kPowersOfTen[4] = {1, 10, 100, 1000};

// A double as n / 10^places, exactly: the value `n / kPowersOfTen[places]` gives back.
struct ScaledDecimal {
  std::int64_t n = 0;
  int places = 0;
};
// The fewest places (0..3) that give `value` back to the bit; nullopt for -0.0, NaN,
// infinities, values beyond 2^50 and fractions like 1/3.
std::optional<ScaledDecimal> scaledDecimal(double value);

// The compact binary the L2 cache stores values in: unsigned numbers as LEB128 varints,
// signed ones zigzagged first, strings as a varint length then the bytes, optionals as a
// presence byte then the value, vectors as a count then the elements. A double is a varint
// head: 0, then its 8 IEEE bytes (little-endian); else head-1 = zigzag(n) * 4 + places, the
// value being n / 10^places exactly — most stored figures are decimals of at most three
// places (26.4 points, 0.441 from the field), two or three bytes instead of eight, which
// makes a large table a third smaller to inflate. Field order is the format: a change bumps
// cache::kFormat.

class ByteWriter {
 public:
  void unsignedNumber(std::uint64_t value);
  void signedNumber(std::int64_t value);
  void real(double value);
  void text(std::string_view value);
  void flag(bool value) { unsignedNumber(value ? 1 : 0); }

  const std::string& bytes() const { return bytes_; }
  std::string take() { return std::move(bytes_); }

 private:
  std::string bytes_;
};

// Reads what ByteWriter wrote. Stored bytes are untrusted (a corrupt file, a format from
// another version): every read is total. Past the end, or on a malformed number, the reader
// fails — ok() turns false for good and reads give zeros — and the caller drops the value.
class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : rest_(bytes) {}

  // The one-byte case (most counts, flags and small numbers) and doubles are inline: a large
  // table's decode is a few million of these reads.
  [[gnu::always_inline]] std::uint64_t unsignedNumber() {
    if (rest_.size() >= 2) {  // a failed reader has no bytes left: no need to test ok_
      const auto first = static_cast<unsigned char>(rest_[0]);
      if (first < 0x80) {
        rest_.remove_prefix(1);
        return first;
      }
      const auto second = static_cast<unsigned char>(rest_[1]);
      if (second < 0x80) {  // two bytes: a compact double's usual head
        rest_.remove_prefix(2);
        return (first & 0x7fU) | (std::uint64_t{second} << 7);
      }
    }
    return multiByteNumber();
  }
  [[gnu::always_inline]] std::int64_t signedNumber() {
    const std::uint64_t zigzag = unsignedNumber();
    return static_cast<std::int64_t>((zigzag >> 1) ^ (~(zigzag & 1) + 1));
  }
  [[gnu::always_inline]] double real() {
    const std::uint64_t head = unsignedNumber();
    if (head != 0) {
      const std::uint64_t scaled = head - 1;
      const auto zigzag = scaled >> 2;
      const auto n = static_cast<std::int64_t>((zigzag >> 1) ^ (~(zigzag & 1) + 1));
      return static_cast<double>(n) / kPowersOfTen[scaled & 3];
    }
    return rawReal();
  }
  std::string text() { return std::string(textView()); }
  // The string's bytes in place: valid while the bytes read from are (decoding assigns them
  // straight into a row's string, no temporary).
  [[gnu::always_inline]] std::string_view textView() {
    const std::uint64_t size = unsignedNumber();
    if (size > rest_.size()) {  // also a failed reader's: it has no bytes left
      fail();
      return {};
    }
    return bytes(static_cast<std::size_t>(size));
  }
  [[gnu::always_inline]] bool flag() { return unsignedNumber() != 0; }
  // The next `size` bytes as they are (no length before them); fails if fewer are left.
  std::string_view bytes(std::size_t size) {
    if (size > rest_.size()) {
      fail();
      return {};
    }
    const std::string_view value = rest_.substr(0, size);
    rest_.remove_prefix(size);
    return value;
  }
  // A count of items each at least one byte long: more than the bytes left is a failure, so
  // a corrupt count cannot make the caller reserve gigabytes.
  std::size_t count();

  bool ok() const { return ok_; }
  bool atEnd() const { return rest_.empty(); }
  // Sticky: what is left is dropped too, so every fast path falls to the checked slow one.
  void fail() {
    ok_ = false;
    rest_ = {};
  }

 private:
  std::uint64_t multiByteNumber();
  [[gnu::always_inline]] double rawReal() {
    if (rest_.size() < sizeof(double)) {
      fail();
      return 0;
    }
    // The bytes are little-endian, as the writer put them: on a little-endian machine (every
    // one this builds for) they are the double's own bytes.
    static_assert(std::endian::native == std::endian::little);
    double value = 0;
    std::memcpy(&value, rest_.data(), sizeof value);
    rest_.remove_prefix(sizeof value);
    return value;
  }

  std::string_view rest_;
  bool ok_ = true;
};

}  // namespace nba::cache
