#include "origin/snapshot/field_reader.h"

#include <algorithm>
#include <charconv>
#include <cstring>

namespace nba::snapshot {

TsvRecords::TsvRecords(std::string_view file_name, std::string_view text,
                       std::span<const std::string_view> columns)
    : file_name_(file_name), rest_(text), columns_(columns) {
  fields_.reserve(columns.size());
}

bool TsvRecords::split(std::string_view line) {
  fields_.clear();
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    fields_.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) {
      break;
    }
    start = tab + 1;
  }
  if (fields_.size() != columns_.size()) {
    status_ = dataLoss(std::string(file_name_) + ":" + std::to_string(line_) + ": expected " +
                       std::to_string(columns_.size()) + " columns, got " +
                       std::to_string(fields_.size()));
    return false;
  }
  return true;
}

Status TsvRecords::readHeader() {
  if (!next()) {
    return status_.isOk() ? dataLoss(std::string(file_name_) + ":1: empty file, no header")
                          : status_;
  }
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (fields_[i] != columns_[i]) {
      return dataLoss(std::string(file_name_) + ":1: expected column '" + std::string(columns_[i]) +
                      "' (" + std::to_string(i + 1) + "), got '" + std::string(fields_[i]) + "'");
    }
  }
  return Status::ok();
}

std::size_t TsvRecords::remainingLines() const {
  std::size_t lines = 0;
  const char* p = rest_.data();
  const char* const end = rest_.data() + rest_.size();
  while (p < end) {
    const void* hit = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
    if (hit == nullptr) {
      break;
    }
    ++lines;
    p = static_cast<const char*>(hit) + 1;
  }
  return lines;
}

bool TsvRecords::next() {
  if (!status_.isOk() || rest_.empty()) {
    return false;
  }
  const std::size_t newline = rest_.find('\n');
  std::string_view line = rest_.substr(0, newline);
  rest_ = newline == std::string_view::npos ? std::string_view() : rest_.substr(newline + 1);
  ++line_;
  if (!line.empty() && line.back() == '\r') {
    line.remove_suffix(1);
  }
  return split(line);
}

FieldReader::FieldReader(std::string_view file_name, std::size_t line,
                         std::span<const std::string_view> columns,
                         std::span<const std::string_view> fields, bool check_names)
    : file_name_(file_name),
      line_(line),
      columns_(columns),
      fields_(fields),
      check_names_(check_names) {}

void FieldReader::fail(std::string_view column, std::string_view expected, std::string_view got) {
  if (!status_.isOk()) {
    return;
  }
  status_ = dataLoss(std::string(file_name_) + ":" + std::to_string(line_) + ": column '" +
                     std::string(column) + "' (" + std::to_string(current_ + 1) + "): expected " +
                     std::string(expected) + ", got '" + std::string(got) + "'");
}

std::string_view FieldReader::text(std::string_view column) {
  current_ = next_;
  if (next_ >= columns_.size() || (check_names_ && columns_[next_] != column)) {
    // The reading code and the schema disagree: a bug, reported like bad data.
    status_ = internalError(std::string(file_name_) + ": reader asked for column '" +
                            std::string(column) + "' out of schema order");
    return {};
  }
  return fields_[next_++];
}

std::optional<int> FieldReader::optInteger(std::string_view column) {
  const std::string_view value = text(column);
  if (value.empty()) {
    return std::nullopt;
  }
  // Hand-rolled: this runs for most of the snapshot's ~700k fields.
  const bool negative = value.front() == '-';
  const std::size_t first = negative ? 1 : 0;
  if (value.size() == first || value.size() - first > 9) {
    fail(column, "an integer", value);
    return std::nullopt;
  }
  int parsed = 0;
  for (std::size_t i = first; i < value.size(); ++i) {
    const unsigned digit = static_cast<unsigned char>(value[i]) - '0';
    if (digit > 9) {
      fail(column, "an integer", value);
      return std::nullopt;
    }
    parsed = parsed * 10 + static_cast<int>(digit);
  }
  return negative ? -parsed : parsed;
}

int FieldReader::integer(std::string_view column) {
  const std::string_view value = fields_.size() > next_ ? fields_[next_] : std::string_view();
  std::optional<int> parsed = optInteger(column);
  if (!parsed && value.empty()) {
    fail(column, "an integer", value);
  }
  return parsed.value_or(0);
}

std::optional<std::int64_t> FieldReader::optInteger64(std::string_view column) {
  const std::string_view value = fields_.size() > next_ ? fields_[next_] : std::string_view();
  if (value.empty()) {
    skip(column);
    return std::nullopt;
  }
  return integer64(column);
}

std::int64_t FieldReader::integer64(std::string_view column) {
  const std::string_view value = text(column);
  std::int64_t parsed = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), parsed);
  if (value.empty() || ec != std::errc() || end != value.data() + value.size()) {
    fail(column, "an integer", value);
  }
  return parsed;
}

std::optional<double> FieldReader::optNumber(std::string_view column) {
  const std::string_view value = text(column);
  if (value.empty()) {
    return std::nullopt;
  }
  double parsed = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), parsed);
  if (ec != std::errc() || end != value.data() + value.size()) {
    fail(column, "a number", value);
    return std::nullopt;
  }
  return parsed;
}

double FieldReader::number(std::string_view column) {
  const std::string_view value = fields_.size() > next_ ? fields_[next_] : std::string_view();
  std::optional<double> parsed = optNumber(column);
  if (!parsed && value.empty()) {
    fail(column, "a number", value);
  }
  return parsed.value_or(0);
}

bool FieldReader::flag(std::string_view column) {
  const std::string_view value = text(column);
  if (value != "0" && value != "1") {
    fail(column, "0 or 1", value);
  }
  return value == "1";
}

Season FieldReader::season(std::string_view column) {
  const std::string_view value = text(column);
  // "2024-25": four digits, '-', the next year's last two digits. No formatting on this hot
  // path (it runs once per row).
  int start = 0;
  auto [end, ec] =
      std::from_chars(value.data(), value.data() + std::min<std::size_t>(4, value.size()), start);
  const int next = (start + 1) % 100;
  if (value.size() != 7 || ec != std::errc() || end != value.data() + 4 || value[4] != '-' ||
      value[5] != static_cast<char>('0' + next / 10) ||
      value[6] != static_cast<char>('0' + next % 10)) {
    fail(column, "a season like 2024-25", value);
  }
  return Season{start};
}

}  // namespace nba::snapshot
