#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nba::cache {

// The compact binary the L2 cache stores values in: unsigned numbers as LEB128 varints,
// signed ones zigzagged first, doubles as their 8 IEEE bytes (little-endian), strings as a
// varint length then the bytes, optionals as a presence byte then the value, vectors as a
// count then the elements. Field order is the format: a change bumps cache::kFormat.

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
    if (ok_ && !rest_.empty() && static_cast<unsigned char>(rest_.front()) < 0x80) {
      const auto byte = static_cast<unsigned char>(rest_.front());
      rest_.remove_prefix(1);
      return byte;
    }
    return multiByteNumber();
  }
  [[gnu::always_inline]] std::int64_t signedNumber() {
    const std::uint64_t zigzag = unsignedNumber();
    return static_cast<std::int64_t>((zigzag >> 1) ^ (~(zigzag & 1) + 1));
  }
  [[gnu::always_inline]] double real() {
    if (!ok_ || rest_.size() < sizeof(double)) {
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
  std::string text() { return std::string(textView()); }
  // The string's bytes in place: valid while the bytes read from are (decoding assigns them
  // straight into a row's string, no temporary).
  std::string_view textView();
  bool flag() { return unsignedNumber() != 0; }
  // A count of items each at least one byte long: more than the bytes left is a failure, so
  // a corrupt count cannot make the caller reserve gigabytes.
  std::size_t count();

  bool ok() const { return ok_; }
  bool atEnd() const { return rest_.empty(); }
  void fail() { ok_ = false; }

 private:
  std::uint64_t multiByteNumber();

  std::string_view rest_;
  bool ok_ = true;
};

}  // namespace nba::cache
