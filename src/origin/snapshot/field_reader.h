#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "domain/season.h"

namespace nba::snapshot {

// Splits one snapshot file (TSV, see snapshot_schema.h) into records: checks the header
// against the expected columns and every record's field count. Views point into `text`,
// which must outlive the reader. Not thread-safe (one reader per file).
class TsvRecords {
 public:
  TsvRecords(std::string_view file_name, std::string_view text,
             std::span<const std::string_view> columns);

  // Checks the header row. Error: "players.tsv:1: expected column 'nba_id' (2), got 'x'".
  Status readHeader();
  // Advances to the next record. Returns false at the end or on error (then status() says
  // "players.tsv:12: expected 15 columns, got 13").
  bool next();
  const Status& status() const { return status_; }
  std::span<const std::string_view> fields() const { return fields_; }
  std::size_t line() const { return line_; }
  // Number of records left (lines after the current one), for reserving.
  std::size_t remainingLines() const;

 private:
  bool split(std::string_view line);

  std::string_view file_name_;
  std::string_view rest_;
  std::span<const std::string_view> columns_;
  std::vector<std::string_view> fields_;
  std::size_t line_ = 0;
  Status status_;
};

// Reads one record's fields in schema order, each named by its column so a reader that
// drifts from the schema fails loudly (checked when `check_names`, which the loader sets for
// each file's first record: the reading code is the same for every row, and skipping the
// check on the rest keeps loading fast). The first problem is kept as status():
// "games.tsv:7: column 'home_pts' (6): expected an integer, got '1o2'". Not thread-safe.
class FieldReader {
 public:
  FieldReader(std::string_view file_name, std::size_t line,
              std::span<const std::string_view> columns, std::span<const std::string_view> fields,
              bool check_names);

  std::string_view text(std::string_view column);
  std::string str(std::string_view column) { return std::string(text(column)); }
  int integer(std::string_view column);
  std::optional<int> optInteger(std::string_view column);
  std::int64_t integer64(std::string_view column);
  std::optional<std::int64_t> optInteger64(std::string_view column);
  double number(std::string_view column);
  std::optional<double> optNumber(std::string_view column);
  bool flag(std::string_view column);      // "1" | "0"
  Season season(std::string_view column);  // "2024-25"
  void skip(std::string_view column) { text(column); }

  const Status& status() const { return status_; }

 private:
  void fail(std::string_view column, std::string_view expected, std::string_view got);

  std::string_view file_name_;
  std::size_t line_;
  std::span<const std::string_view> columns_;
  std::span<const std::string_view> fields_;
  std::size_t next_ = 0;
  std::size_t current_ = 0;
  bool check_names_;
  Status status_;
};

}  // namespace nba::snapshot
