#include "cache/byte_codec.h"

#include <bit>
#include <cmath>
#include <cstring>
#include <utility>

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

namespace {

// Above this a scaled integer may not be exact in a double, and saves nothing anyway.
constexpr double kLargestScaled = 0x1p50;

}  // namespace

std::optional<ScaledDecimal> scaledDecimal(double value) {
  for (int places = 0; places < 4; ++places) {
    const double scaled = value * kPowersOfTen[places];
    if (!(std::fabs(scaled) < kLargestScaled)) return std::nullopt;  // NaN, inf, huge
    const auto n = static_cast<std::int64_t>(std::llround(scaled));
    const double back = static_cast<double>(n) / kPowersOfTen[places];
    if (std::bit_cast<std::uint64_t>(back) == std::bit_cast<std::uint64_t>(value)) {
      return ScaledDecimal{n, places};
    }
  }
  return std::nullopt;
}

void ByteWriter::real(double value) {
  if (const auto decimal = scaledDecimal(value)) {
    const auto bits = static_cast<std::uint64_t>(decimal->n);
    const std::uint64_t zigzag = (bits << 1) ^ (decimal->n < 0 ? ~std::uint64_t{0} : 0);
    unsignedNumber(zigzag * 4 + static_cast<std::uint64_t>(decimal->places) + 1);
    return;
  }
  unsignedNumber(0);
  static_assert(std::endian::native == std::endian::little);  // see ByteReader::rawReal
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

std::size_t ByteReader::count() {
  const std::uint64_t size = unsignedNumber();
  if (!ok_ || size > rest_.size()) {
    fail();
    return 0;
  }
  return static_cast<std::size_t>(size);
}

}  // namespace nba::cache
