#pragma once

#include <concepts>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "cache/byte_codec.h"
#include "domain/season.h"

namespace nba::cached {

// A table column of numbers in fixed width: every value is n / 10^places for one `places` of
// the column, stored as n - base in `width` bytes (0, 1, 2 or 4), little-endian. Reading it is
// a loop with no branch per byte, about half the time of the varints it replaces (a season's
// player lines: 46 of their 50 columns are numbers), which is most of what an L2 hit of a
// large table spends decoding. An optional column stores 0 for "absent" and n - base + 1
// otherwise. A column it cannot hold exactly (a string, an enum, a double like 1/3 or -0.0,
// a spread past 32 bits) keeps the varint form.
//
// Stored as: places (varint, 0..3), base (signed varint), width (varint), then the values.

// The field types a fixed column can hold.
template <typename Field>
struct FixedField : std::false_type {};
template <>
struct FixedField<int> : std::true_type {};
template <>
struct FixedField<std::int64_t> : std::true_type {};
template <>
struct FixedField<bool> : std::true_type {};
template <>
struct FixedField<Season> : std::true_type {};
template <>
struct FixedField<double> : std::true_type {};
template <typename T>
struct FixedField<std::optional<T>> : FixedField<T> {};

// |base| is kept below this on both sides, so base + a 32-bit value cannot overflow.
inline constexpr std::int64_t kFixedBaseLimit = std::int64_t{1} << 62;

// Collects one column's values as the encoder walks the rows; bytes() gives the fixed form, or
// nullopt when the column cannot take it.
class FixedColumnWriter {
 public:
  void add(int value) { whole(value); }
  void add(std::int64_t value) { whole(value); }
  void add(bool value) { whole(value ? 1 : 0); }
  void add(Season season) { whole(season.start_year); }
  void add(double value);
  template <typename T>
  void add(const std::optional<T>& value) {
    optional_ = true;
    if constexpr (!FixedField<T>::value) {
      fits_ = false;  // even when every value is absent: the reader would not take the form
      return;
    }
    if (value) {
      add(*value);
    } else {
      values_.push_back({0, 0, false});
    }
  }
  template <typename T>
  void add(const T&) {
    fits_ = false;
  }

  std::optional<std::string> bytes() const;

 private:
  struct Value {
    std::int64_t n;
    int places;
    bool present;
  };
  void whole(std::int64_t n) { values_.push_back({n, 0, true}); }

  std::vector<Value> values_;
  bool fits_ = true;
  bool optional_ = false;
};

// A fixed column's header, read and checked: the values' bytes follow.
struct FixedColumnHeader {
  int places = 0;
  std::int64_t base = 0;
  std::size_t width = 0;
};
// Reads the header; fails the reader on places above 3, a base out of range or a width other
// than 0, 1, 2 or 4.
FixedColumnHeader readFixedHeader(cache::ByteReader& in);

// The value at `index` of `width`-byte values.
template <std::size_t Width>
[[gnu::always_inline]] inline std::uint64_t fixedValueAt(const char* values, std::size_t index) {
  if constexpr (Width == 0) {
    (void)values;
    (void)index;
    return 0;
  } else {
    std::uint32_t value = 0;  // little-endian, as written: see ByteReader::rawReal
    std::memcpy(&value, values + index * Width, Width);
    return value;
  }
}

// Stores n (already base + the stored value) into a field; false when it does not fit it.
[[gnu::always_inline]] inline bool storeFixed(int& field, std::int64_t n, double) {
  field = static_cast<int>(n);
  return n >= INT32_MIN && n <= INT32_MAX;
}
[[gnu::always_inline]] inline bool storeFixed(std::int64_t& field, std::int64_t n, double) {
  field = n;
  return true;
}
[[gnu::always_inline]] inline bool storeFixed(bool& field, std::int64_t n, double) {
  field = n != 0;
  return n == 0 || n == 1;
}
[[gnu::always_inline]] inline bool storeFixed(Season& field, std::int64_t n, double divisor) {
  return storeFixed(field.start_year, n, divisor);
}
[[gnu::always_inline]] inline bool storeFixed(double& field, std::int64_t n, double divisor) {
  field = static_cast<double>(n) / divisor;
  return true;
}

// Reads `count` values into the field at `offset` of each row. `Width` is the header's width.
template <std::size_t Width, typename Row, typename Field>
bool readFixedValues(const FixedColumnHeader& header, const char* values, Row* rows,
                     std::size_t count, std::size_t offset) {
  const double divisor = cache::kPowersOfTen[header.places];
  bool fits = true;
  for (std::size_t i = 0; i < count; ++i) {
    auto& field = *reinterpret_cast<Field*>(reinterpret_cast<char*>(&rows[i]) + offset);
    const std::uint64_t stored = fixedValueAt<Width>(values, i);
    if constexpr (requires { field.has_value(); }) {
      if (stored == 0) {
        field.reset();
        continue;
      }
      fits &=
          storeFixed(field.emplace(), header.base + static_cast<std::int64_t>(stored) - 1, divisor);
    } else {
      fits &= storeFixed(field, header.base + static_cast<std::int64_t>(stored), divisor);
    }
  }
  return fits;
}

// Reads a fixed column (the form byte already read) into `count` rows; fails the reader if the
// column is not one FixedColumnWriter could have written for this field.
template <typename Row, typename Field>
void readFixedColumn(cache::ByteReader& in, Row* rows, std::size_t count, std::size_t offset) {
  const FixedColumnHeader header = readFixedHeader(in);
  const bool decimal =
      std::is_same_v<Field, double> || std::is_same_v<Field, std::optional<double>>;
  if (!in.ok() || (header.places != 0 && !decimal)) {
    in.fail();
    return;
  }
  const std::string_view values = in.bytes(count * header.width);
  if (!in.ok()) return;
  bool fits = false;
  switch (header.width) {
    case 0:
      fits = readFixedValues<0, Row, Field>(header, values.data(), rows, count, offset);
      break;
    case 1:
      fits = readFixedValues<1, Row, Field>(header, values.data(), rows, count, offset);
      break;
    case 2:
      fits = readFixedValues<2, Row, Field>(header, values.data(), rows, count, offset);
      break;
    default:
      fits = readFixedValues<4, Row, Field>(header, values.data(), rows, count, offset);
      break;
  }
  if (!fits) in.fail();
}

}  // namespace nba::cached
