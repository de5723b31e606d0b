#include "origin/live/stats_table.h"

#include <charconv>
#include <cmath>

namespace nba::live {
namespace {

const nlohmann::json* findSet(const nlohmann::json& response, std::string_view set_name) {
  if (!response.is_object()) {
    return nullptr;
  }
  if (auto sets = response.find("resultSets"); sets != response.end() && sets->is_array()) {
    for (const nlohmann::json& set : *sets) {
      if (set.is_object() && set.value("name", "") == set_name) {
        return &set;
      }
    }
  }
  if (auto set = response.find("resultSet"); set != response.end() && set->is_object()) {
    if (set->value("name", "") == set_name) {
      return &*set;
    }
  }
  return nullptr;
}

std::optional<double> finite(double value) {
  return std::isfinite(value) ? std::optional<double>(value) : std::nullopt;
}

}  // namespace

Result<StatsTable> StatsTable::find(const nlohmann::json& response, std::string_view endpoint,
                                    std::string_view set_name) {
  const std::string where = "stats.nba.com " + std::string(endpoint);
  const nlohmann::json* set = findSet(response, set_name);
  if (set == nullptr) {
    return dataLoss(where + ": no result set '" + std::string(set_name) + "' in the response");
  }
  auto headers = set->find("headers");
  auto rows = set->find("rowSet");
  if (headers == set->end() || !headers->is_array() || rows == set->end() || !rows->is_array()) {
    return dataLoss(where + ": result set '" + std::string(set_name) +
                    "' has no headers or rowSet array");
  }
  std::vector<std::string> names;
  for (const nlohmann::json& header : *headers) {
    names.push_back(header.is_string() ? header.get<std::string>() : std::string());
  }
  for (const nlohmann::json& row : *rows) {
    if (!row.is_array()) {
      return dataLoss(where + ": a row of '" + std::string(set_name) + "' is not an array");
    }
  }
  return StatsTable(std::string(endpoint), std::move(names), *rows);
}

StatsTable::StatsTable(std::string endpoint, std::vector<std::string> headers,
                       const nlohmann::json& rows)
    : endpoint_(std::move(endpoint)), headers_(std::move(headers)), rows_(&rows) {}

Result<std::vector<std::size_t>> StatsTable::columns(
    std::initializer_list<std::string_view> names) const {
  std::vector<std::size_t> positions;
  positions.reserve(names.size());
  for (std::string_view name : names) {
    auto position = optionalColumn(name);
    if (!position) {
      return dataLoss("stats.nba.com " + endpoint_ + ": the response has no column '" +
                      std::string(name) + "'");
    }
    positions.push_back(*position);
  }
  return positions;
}

std::optional<std::size_t> StatsTable::optionalColumn(std::string_view name) const {
  for (std::size_t i = 0; i < headers_.size(); ++i) {
    if (headers_[i] == name) {
      return i;
    }
  }
  return std::nullopt;
}

const nlohmann::json* StatsTable::cell(std::size_t row, std::size_t column) const {
  if (row >= rows_->size()) {
    return nullptr;
  }
  const nlohmann::json& cells = rows_->at(row);  // bounds checked above: never throws
  return column < cells.size() ? &cells.at(column) : nullptr;
}

std::optional<double> StatsTable::number(std::size_t row, std::size_t column) const {
  const nlohmann::json* value = cell(row, column);
  if (value == nullptr) {
    return std::nullopt;
  }
  if (value->is_number()) {
    return finite(value->get<double>());
  }
  if (value->is_string()) {
    const std::string& text = value->get_ref<const std::string&>();
    double parsed = 0;
    const char* end = text.data() + text.size();
    auto [ptr, error] = std::from_chars(text.data(), end, parsed);
    if (error == std::errc() && ptr == end && !text.empty()) {
      return finite(parsed);
    }
  }
  return std::nullopt;
}

std::optional<long long> StatsTable::whole(std::size_t row, std::size_t column) const {
  auto value = number(row, column);
  if (!value || std::fabs(*value) > 9.0e15) {
    return std::nullopt;
  }
  return std::llround(*value);
}

std::string StatsTable::text(std::size_t row, std::size_t column) const {
  const nlohmann::json* value = cell(row, column);
  if (value == nullptr) {
    return "";
  }
  if (value->is_string()) {
    return value->get<std::string>();
  }
  if (value->is_number_integer()) {
    return value->dump();
  }
  if (value->is_number_float()) {
    auto whole_value = whole(row, column);
    if (whole_value && static_cast<double>(*whole_value) == value->get<double>()) {
      return std::to_string(*whole_value);
    }
    return value->dump();
  }
  return "";
}

}  // namespace nba::live
