#include "tsv_writer.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>

namespace nba::builder {

std::string fixed(double value, int decimals) {
  if (std::isnan(value)) {
    return "";
  }
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "%.*f", decimals, value);
  std::string text = buffer;
  if (text.rfind("-0", 0) == 0 && std::strtod(buffer, nullptr) == 0.0) {
    text.erase(0, 1);  // "-0.0" -> "0.0": a rounded zero has no sign
  }
  return text;
}

std::string fixed(const std::optional<double>& value, int decimals) {
  return value ? fixed(*value, decimals) : "";
}

std::string integer(long long value) { return std::to_string(value); }

std::string integer(const std::optional<long long>& value) {
  return value ? std::to_string(*value) : "";
}

std::optional<double> parseNumber(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '"')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '"')) {
    text.remove_suffix(1);
  }
  if (text.empty() || text == "NA" || text == "null") {
    return std::nullopt;
  }
  std::string copy(text);
  if (copy.front() == '.') {
    copy.insert(0, "0");
  } else if (copy.rfind("-.", 0) == 0) {
    copy.insert(1, "0");
  }
  double value = 0;
  auto [end, ec] = std::from_chars(copy.data(), copy.data() + copy.size(), value);
  if (ec != std::errc() || end != copy.data() + copy.size()) {
    return std::nullopt;
  }
  return value;
}

std::optional<long long> parseWhole(std::string_view text) {
  std::optional<double> value = parseNumber(text);
  if (!value) {
    return std::nullopt;
  }
  return std::llround(*value);
}

Status writeTsv(const std::string& path, const TsvTable& table) {
  std::string out;
  auto append_row = [&](const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) {
        out.push_back('\t');
      }
      for (char c : row[i]) {
        out.push_back(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
      }
    }
    out.push_back('\n');
  };
  append_row(table.header);
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    if (table.rows[r].size() != table.header.size()) {
      return internalError(path + ": row " + std::to_string(r + 2) + " has " +
                           std::to_string(table.rows[r].size()) + " fields, header has " +
                           std::to_string(table.header.size()));
    }
    append_row(table.rows[r]);
  }
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) {
    return unavailable("cannot write " + path);
  }
  file << out;
  return file.good() ? Status::ok() : unavailable("write failed: " + path);
}

std::vector<std::string> toStrings(std::span<const std::string_view> columns) {
  return {columns.begin(), columns.end()};
}

}  // namespace nba::builder
