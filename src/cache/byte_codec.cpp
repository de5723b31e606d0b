#include "cache/byte_codec.h"

#include <bit>
#include <cstring>

namespace nba::cache {

void ByteWriter::unsignedNumber(std::uint64_t value) {
  while (value >= 0x80) {
    bytes_.push_back(static_cast<char>((value & 0x7f) | 0x80));
    value >>= 7;
  }
  bytes_.push_back(static_cast<char>(value));
}

void ByteWriter::signedNumber(std::int64_t value) {
  const auto bits = static_cast<std::uint64_t>(value);
  unsignedNumber((bits << 1) ^ (value < 0 ? ~std::uint64_t{0} : 0));
}

void ByteWriter::real(double value) {
  static_assert(std::endian::native == std::endian::little);  // see ByteReader::real
  char bytes[sizeof value];
  std::memcpy(bytes, &value, sizeof value);
  bytes_.append(bytes, sizeof bytes);
}

void ByteWriter::text(std::string_view value) {
  unsignedNumber(value.size());
  bytes_.append(value);
}

std::uint64_t ByteReader::multiByteNumber() {
  std::uint64_t value = 0;
  for (int shift = 0; ok_; shift += 7) {
    if (rest_.empty() || shift > 63) {
      fail();
      break;
    }
    const auto byte = static_cast<unsigned char>(rest_.front());
    rest_.remove_prefix(1);
    value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) {
      return value;
    }
  }
  return 0;
}

std::string_view ByteReader::textView() {
  const std::uint64_t size = unsignedNumber();
  if (!ok_ || size > rest_.size()) {
    fail();
    return {};
  }
  const std::string_view value = rest_.substr(0, size);
  rest_.remove_prefix(size);
  return value;
}

std::size_t ByteReader::count() {
  const std::uint64_t size = unsignedNumber();
  if (!ok_ || size > rest_.size()) {
    fail();
    return 0;
  }
  return static_cast<std::size_t>(size);
}

}  // namespace nba::cache
