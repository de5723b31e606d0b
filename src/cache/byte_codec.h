#pragma once

#include <cstdint>
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

  std::uint64_t unsignedNumber();
  std::int64_t signedNumber();
  double real();
  std::string text();
  bool flag() { return unsignedNumber() != 0; }
  // A count of items each at least one byte long: more than the bytes left is a failure, so
  // a corrupt count cannot make the caller reserve gigabytes.
  std::size_t count();

  bool ok() const { return ok_; }
  bool atEnd() const { return rest_.empty(); }
  void fail() { ok_ = false; }

 private:
  std::string_view rest_;
  bool ok_ = true;
};

}  // namespace nba::cache
