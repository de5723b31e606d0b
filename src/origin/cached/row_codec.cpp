#include "origin/cached/row_codec.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "cache/byte_codec.h"
#include "origin/cached/fixed_column.h"
#include "origin/cached/row_fields.h"

namespace nba::cached {
namespace {

// 2: compact doubles (cache/byte_codec.h); 3: a table's rows stored by column; 4: numeric
// columns in fixed width (fixed_column.h).
constexpr std::uint64_t kValueVersion = 4;

// The first byte of a stored column: how its values are written.
constexpr std::uint64_t kVarintColumn = 0;  // one after another, as Encoder writes them
constexpr std::uint64_t kFixedColumn = 1;   // fixed_column.h

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

// Writes each field it is handed, in order, into one stream.
class Encoder {
 public:
  template <typename... Fields>
  void operator()(const Fields&... fields) {
    (put(fields), ...);
  }
  cache::ByteWriter out;

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
  void put(const Rows<Row>& rows);
};

// One column of a table, written both ways as the rows go by; the fixed form is kept when the
// column's values allow it.
class ColumnWriter {
 public:
  template <typename Field>
  void add(const Field& field) {
    varint_.put(field);
    fixed_.add(field);
  }
  // The form byte, then the column's values.
  std::string bytes() const {
    cache::ByteWriter form;
    if (auto fixed = fixed_.bytes()) {
      form.unsignedNumber(kFixedColumn);
      return form.take() + *fixed;
    }
    form.unsignedNumber(kVarintColumn);
    return form.take() + varint_.out.bytes();
  }

 private:
  Encoder varint_;
  FixedColumnWriter fixed_;
};

// A table's rows by column: the k-th field of every row goes to the k-th stream. Like values
// side by side (one season, a team's abbreviation, points in a narrow range) compress better
// than rows written one after another: a season's games store in 6.9 KB instead of 10 KB,
// the player index in 25 KB instead of 29 KB.
class ColumnEncoder {
 public:
  template <typename... Fields>
  void operator()(const Fields&... fields) {
    (column(next_++).add(fields), ...);
  }
  void startRow() { next_ = 0; }
  const std::vector<ColumnWriter>& columns() const { return columns_; }

 private:
  ColumnWriter& column(std::size_t index) {
    if (index == columns_.size()) columns_.emplace_back();
    return columns_[index];
  }
  std::vector<ColumnWriter> columns_;
  std::size_t next_ = 0;
};

// Stored as the row count, the column count, then each column as a length and its bytes.
template <typename Row>
void Encoder::put(const Rows<Row>& rows) {
  ColumnEncoder columns;
  for (const Row& row : rows) {
    columns.startRow();
    describe(columns, row);
  }
  out.unsignedNumber(rows.size());
  out.unsignedNumber(columns.columns().size());
  for (const ColumnWriter& column : columns.columns()) out.text(column.bytes());
}

class Decoder {
 public:
  explicit Decoder(std::string_view bytes) : in(bytes) {}
  template <typename... Fields>
  void operator()(Fields&... fields) {
    (get(fields), ...);
  }
  cache::ByteReader in;

  // The scalar reads are forced inline: a large table's decode is tens of thousands of them,
  // and a call each costs as much as the read.
  [[gnu::always_inline]] void get(int& value) {
    const std::int64_t wide = in.signedNumber();
    if (wide < INT32_MIN || wide > INT32_MAX) in.fail();
    value = static_cast<int>(wide);
  }
  [[gnu::always_inline]] void get(std::int64_t& value) { value = in.signedNumber(); }
  [[gnu::always_inline]] void get(double& value) { value = in.real(); }
  [[gnu::always_inline]] void get(bool& value) { value = in.flag(); }
  void get(std::string& value) { value.assign(in.textView()); }
  [[gnu::always_inline]] void get(Season& season) { get(season.start_year); }
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
  template <typename Row>
  void getRows(std::vector<Row>& rows);
};

// Decodes one column into one field of every row: the field's type is known here, so the
// loop is a tight one over a reader kept in registers (one call per column, not per field).
// `offset` is where the field sits in a Row (ColumnPlan found it on a real row).
template <typename Row, typename Field>
void readColumn(Decoder& column, Row* rows, std::size_t count, std::size_t offset) {
  const std::uint64_t form = column.in.unsignedNumber();
  if constexpr (FixedField<Field>::value) {
    if (form == kFixedColumn) {
      readFixedColumn<Row, Field>(column.in, rows, count, offset);
      return;
    }
  }
  if (form != kVarintColumn) {
    column.in.fail();
    return;
  }
  Decoder local = column;
  for (std::size_t i = 0; i < count; ++i) {
    local.get(*reinterpret_cast<Field*>(reinterpret_cast<char*>(&rows[i]) + offset));
  }
  column = local;
}

// How to decode each column of a Row table: the row's fields in storage order (row_fields.h),
// each as its place in the row and its typed column loop. Found once per row type by
// describing a default row.
template <typename Row>
class ColumnPlan {
 public:
  struct Column {
    std::size_t offset;
    void (*read)(Decoder&, Row*, std::size_t, std::size_t);
  };

  static const std::vector<Column>& columns() {
    static const std::vector<Column> plan = [] {
      Row prototype{};
      ColumnPlan finder(prototype);
      describe(finder, prototype);
      return std::move(finder.columns_);
    }();
    return plan;
  }

  template <typename... Fields>
  void operator()(Fields&... fields) {
    (add(fields), ...);
  }

 private:
  explicit ColumnPlan(const Row& row) : row_(reinterpret_cast<const char*>(&row)) {}
  template <typename Field>
  void add(const Field& field) {
    const auto offset = static_cast<std::size_t>(reinterpret_cast<const char*>(&field) - row_);
    columns_.push_back({offset, &readColumn<Row, Field>});
  }

  const char* row_;
  std::vector<Column> columns_;
};

// Reads what ColumnEncoder wrote. A column count other than the row type's field count, a
// column with bytes left over or a malformed one fails the whole value.
template <typename Row>
void Decoder::getRows(std::vector<Row>& rows) {
  const std::size_t row_count = in.unsignedNumber();
  const std::size_t column_count = in.count();
  const auto& plan = ColumnPlan<Row>::columns();
  std::vector<std::string_view> columns;
  columns.reserve(column_count);
  for (std::size_t i = 0; i < column_count && in.ok(); ++i) columns.push_back(in.textView());
  // An empty table has no columns. Every row type has a string column, whose rows take at
  // least a byte each: a row count above the largest column's bytes is corruption (and must
  // not make us allocate for it).
  const bool empty = row_count == 0 && column_count == 0;
  std::size_t largest = 0;
  for (const std::string_view column : columns) largest = std::max(largest, column.size());
  if (!in.ok() || (!empty && (column_count != plan.size() || row_count > largest))) {
    in.fail();
    return;
  }
  rows.resize(row_count);
  for (std::size_t k = 0; k < column_count; ++k) {
    Decoder column(columns[k]);
    plan[k].read(column, rows.data(), row_count, plan[k].offset);
    if (!column.in.ok() || !column.in.atEnd()) {
      in.fail();
      return;
    }
  }
}

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
  decoder.getRows(rows);
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
