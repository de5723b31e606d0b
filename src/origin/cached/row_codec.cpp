#include "origin/cached/row_codec.h"

#include <cstdint>
#include <vector>

#include "cache/byte_codec.h"
#include "origin/cached/row_fields.h"

namespace nba::cached {
namespace {

constexpr std::uint64_t kValueVersion = 2;  // 2: compact doubles (cache/byte_codec.h)

// A type code per stored value, so bytes of one type are never read as another's.
template <typename Value>
struct TypeCode;
template <>
struct TypeCode<Table<Team>> {
  static constexpr std::uint64_t kCode = 1;
};
template <>
struct TypeCode<Table<Player>> {
  static constexpr std::uint64_t kCode = 2;
};
template <>
struct TypeCode<Player> {
  static constexpr std::uint64_t kCode = 3;
};
template <>
struct TypeCode<Table<PlayerSeasonLine>> {
  static constexpr std::uint64_t kCode = 4;
};
template <>
struct TypeCode<Table<TeamSeasonLine>> {
  static constexpr std::uint64_t kCode = 5;
};
template <>
struct TypeCode<Table<Game>> {
  static constexpr std::uint64_t kCode = 6;
};
template <>
struct TypeCode<Table<StandingRow>> {
  static constexpr std::uint64_t kCode = 7;
};
template <>
struct TypeCode<Table<AwardEntry>> {
  static constexpr std::uint64_t kCode = 8;
};
template <>
struct TypeCode<Table<ScoreboardGame>> {
  static constexpr std::uint64_t kCode = 9;
};
template <>
struct TypeCode<Table<BoxScorePlayer>> {
  static constexpr std::uint64_t kCode = 10;
};
template <>
struct TypeCode<Table<GameLogRow>> {
  static constexpr std::uint64_t kCode = 11;
};

// The largest value of each stored enum: a stored number above it is corruption.
template <typename E>
constexpr std::uint64_t kEnumMax = 0;
template <>
constexpr std::uint64_t kEnumMax<GameKind> = 2;
template <>
constexpr std::uint64_t kEnumMax<GameStatus> = 2;
template <>
constexpr std::uint64_t kEnumMax<Coverage> = 1;

class Encoder {
 public:
  template <typename... Fields>
  void operator()(const Fields&... fields) {
    (put(fields), ...);
  }
  cache::ByteWriter out;

 private:
  void put(int value) { out.signedNumber(value); }
  void put(std::int64_t value) { out.signedNumber(value); }
  void put(double value) { out.real(value); }
  void put(bool value) { out.flag(value); }
  void put(const std::string& value) { out.text(value); }
  void put(Season season) { out.signedNumber(season.start_year); }
  template <typename E>
  requires std::is_enum_v<E>
  void put(E value) { out.unsignedNumber(static_cast<std::uint64_t>(value)); }
  template <typename T>
  void put(const std::optional<T>& value) {
    out.flag(value.has_value());
    if (value) put(*value);
  }
  template <typename T>
  void put(const std::vector<T>& values) {
    out.unsignedNumber(values.size());
    for (const T& value : values) put(value);
  }
  template <typename T>
  requires(!std::is_enum_v<T> && std::is_class_v<T>) void put(const T& row) {
    describe(*this, row);
  }
  template <typename Row>
  void put(const Rows<Row>& rows) {
    out.unsignedNumber(rows.size());
    for (const Row& row : rows) put(row);
  }
};

class Decoder {
 public:
  explicit Decoder(std::string_view bytes) : in(bytes) {}
  template <typename... Fields>
  void operator()(Fields&... fields) {
    (get(fields), ...);
  }
  cache::ByteReader in;

  void get(int& value) {
    const std::int64_t wide = in.signedNumber();
    if (wide < INT32_MIN || wide > INT32_MAX) in.fail();
    value = static_cast<int>(wide);
  }
  void get(std::int64_t& value) { value = in.signedNumber(); }
  void get(double& value) { value = in.real(); }
  void get(bool& value) { value = in.flag(); }
  void get(std::string& value) { value.assign(in.textView()); }
  void get(Season& season) { get(season.start_year); }
  template <typename E>
  requires std::is_enum_v<E>
  void get(E& value) {
    const std::uint64_t number = in.unsignedNumber();
    if (number > kEnumMax<E>) in.fail();
    value = static_cast<E>(in.ok() ? number : 0);
  }
  template <typename T>
  void get(std::optional<T>& value) {
    if (in.flag()) {
      T inner{};
      get(inner);
      value = std::move(inner);
    } else {
      value.reset();
    }
  }
  template <typename T>
  void get(std::vector<T>& values) {
    const std::size_t count = in.count();
    values.clear();
    values.reserve(count);
    for (std::size_t i = 0; i < count && in.ok(); ++i) get(values.emplace_back());
  }
  template <typename T>
  requires(!std::is_enum_v<T> && std::is_class_v<T>) void get(T& row) { describe(*this, row); }
};

template <typename Row>
void putValue(Encoder& encoder, const Table<Row>& table) {
  encoder(table.meta);
  encoder(table.rows);
}
void putValue(Encoder& encoder, const Player& player) { encoder(player); }

template <typename Row>
void getValue(Decoder& decoder, Table<Row>& table) {
  decoder(table.meta);
  std::vector<Row> rows;
  decoder(rows);
  table.rows = Rows<Row>(std::move(rows));
}
void getValue(Decoder& decoder, Player& player) { decoder(player); }

}  // namespace

template <typename Value>
std::string encode(const Value& value) {
  Encoder encoder;
  encoder.out.unsignedNumber(kValueVersion);
  encoder.out.unsignedNumber(TypeCode<Value>::kCode);
  putValue(encoder, value);
  return encoder.out.take();
}

template <typename Value>
std::optional<Value> decode(std::string_view bytes) {
  Decoder decoder(bytes);
  if (decoder.in.unsignedNumber() != kValueVersion ||
      decoder.in.unsignedNumber() != TypeCode<Value>::kCode) {
    return std::nullopt;
  }
  Value value{};
  getValue(decoder, value);
  if (!decoder.in.ok() || !decoder.in.atEnd()) {
    return std::nullopt;
  }
  return value;
}

#define NBA_CACHED_VALUE(Value)                     \
  template std::string encode<Value>(const Value&); \
  template std::optional<Value> decode<Value>(std::string_view);

NBA_CACHED_VALUE(Table<Team>)
NBA_CACHED_VALUE(Table<Player>)
NBA_CACHED_VALUE(Player)
NBA_CACHED_VALUE(Table<PlayerSeasonLine>)
NBA_CACHED_VALUE(Table<TeamSeasonLine>)
NBA_CACHED_VALUE(Table<Game>)
NBA_CACHED_VALUE(Table<StandingRow>)
NBA_CACHED_VALUE(Table<AwardEntry>)
NBA_CACHED_VALUE(Table<ScoreboardGame>)
NBA_CACHED_VALUE(Table<BoxScorePlayer>)
NBA_CACHED_VALUE(Table<GameLogRow>)

#undef NBA_CACHED_VALUE

}  // namespace nba::cached
