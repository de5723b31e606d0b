#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace nba::builder {

// Fixed-point text for a number: fixed(32.684, 1) == "32.7", fixed(0.5189, 3) == "0.519".
// Deterministic (C locale printf rounding of the double). NaN/absent -> "".
std::string fixed(double value, int decimals);
std::string fixed(const std::optional<double>& value, int decimals);
std::string integer(long long value);
std::string integer(const std::optional<long long>& value);

// Parses a source cell: "76", "76.0", ".519", "" (empty -> nullopt).
std::optional<double> parseNumber(std::string_view text);
std::optional<long long> parseWhole(std::string_view text);  // rounds "76.0" -> 76

// A table being written: rows are sorted by the caller. Fields must not contain TAB/LF
// (asserted by write(), which replaces them with spaces rather than corrupting the file).
struct TsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

// Writes header + rows, LF endings, to `path` (replacing it). Checks every row's width.
Status writeTsv(const std::string& path, const TsvTable& table);

std::vector<std::string> toStrings(std::span<const std::string_view> columns);

}  // namespace nba::builder
