#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"

namespace nba::builder {

// A CSV file read whole (RFC 4180: quoted fields, "" escapes, LF or CRLF). Value type.
class CsvFile {
 public:
  // Reads `path`; errors name the file. A missing final newline is fine.
  static Result<CsvFile> read(const std::string& path);
  static Result<CsvFile> parse(std::string_view text, const std::string& name);
  static CsvFile fromRows(std::string name, std::vector<std::string> header,
                          std::vector<std::vector<std::string>> rows);

  const std::vector<std::string>& header() const { return header_; }
  const std::vector<std::vector<std::string>>& rows() const { return rows_; }
  bool hasColumn(std::string_view column) const;
  // The cell of `row` under `column`; "" when the column is absent or the row is short.
  const std::string& cell(const std::vector<std::string>& row, std::string_view column) const;

 private:
  std::string name_;
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
  std::unordered_map<std::string, std::size_t> index_;
};

// Reads a whole file into a string.
Result<std::string> readTextFile(const std::string& path);

}  // namespace nba::builder
