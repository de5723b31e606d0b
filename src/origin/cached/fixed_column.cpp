#include "origin/cached/fixed_column.h"

#include <algorithm>
#include <bit>

namespace nba::cached {
namespace {

constexpr std::int64_t kPowersOfTenWhole[4] = {1, 10, 100, 1000};

// The fewest bytes (0, 1, 2 or 4) that hold every value up to `largest`.
std::size_t widthFor(std::uint64_t largest) {
  if (largest == 0) return 0;
  if (largest <= 0xff) return 1;
  if (largest <= 0xffff) return 2;
  return 4;
}

}  // namespace

void FixedColumnWriter::add(double value) {
  const auto decimal = cache::scaledDecimal(value);
  if (!decimal) {
    fits_ = false;
    return;
  }
  values_.push_back({decimal->n, decimal->places, true});
}

std::optional<std::string> FixedColumnWriter::bytes() const {
  if (!fits_) return std::nullopt;
  int places = 0;
  for (const Value& value : values_) places = std::max(places, value.places);
  // Every value scaled to the column's places, and checked to read back to the bit (a value
  // with fewer places scaled up is exact in all but pathological cases, but the check is cheap).
  std::vector<std::int64_t> scaled;
  scaled.reserve(values_.size());
  std::int64_t low = 0;
  std::int64_t high = 0;
  bool any = false;
  for (const Value& value : values_) {
    if (!value.present) continue;
    const std::int64_t n = value.n * kPowersOfTenWhole[places - value.places];
    const double original = static_cast<double>(value.n) / cache::kPowersOfTen[value.places];
    const double back = static_cast<double>(n) / cache::kPowersOfTen[places];
    if (std::bit_cast<std::uint64_t>(back) != std::bit_cast<std::uint64_t>(original)) {
      return std::nullopt;
    }
    scaled.push_back(n);
    low = any ? std::min(low, n) : n;
    high = any ? std::max(high, n) : n;
    any = true;
  }
  if (low <= -kFixedBaseLimit || high >= kFixedBaseLimit) return std::nullopt;
  const std::uint64_t shift = optional_ ? 1 : 0;
  const auto spread = static_cast<std::uint64_t>(high - low) + (any ? shift : 0);
  if (spread > 0xffffffffULL) return std::nullopt;
  const std::size_t width = widthFor(spread);

  cache::ByteWriter out;
  out.unsignedNumber(static_cast<std::uint64_t>(places));
  out.signedNumber(low);
  out.unsignedNumber(width);
  std::string result = out.take();
  result.reserve(result.size() + values_.size() * width);
  auto next = scaled.begin();
  for (const Value& value : values_) {
    const std::uint64_t stored =
        value.present ? static_cast<std::uint64_t>(*next++ - low) + shift : 0;
    for (std::size_t byte = 0; byte < width; ++byte) {
      result.push_back(static_cast<char>((stored >> (8 * byte)) & 0xff));
    }
  }
  return result;
}

FixedColumnHeader readFixedHeader(cache::ByteReader& in) {
  FixedColumnHeader header;
  const std::uint64_t places = in.unsignedNumber();
  header.base = in.signedNumber();
  const std::uint64_t width = in.unsignedNumber();
  if (places > 3 || header.base <= -kFixedBaseLimit || header.base >= kFixedBaseLimit ||
      (width != 0 && width != 1 && width != 2 && width != 4)) {
    in.fail();
    return {};
  }
  header.places = static_cast<int>(places);
  header.width = static_cast<std::size_t>(width);
  return header;
}

}  // namespace nba::cached
