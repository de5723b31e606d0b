#pragma once

#include <cstddef>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace nba::live {

// One result set of a stats.nba.com response ({"resultSets":[{"name","headers","rowSet"}]},
// or leagueleaders' singular {"resultSet":{...}}), read by header name, never by position:
// NBA.com adds, drops and reorders columns from season to season.
//
// The response is untrusted input: every accessor is total. A cell that is missing (short
// row), null, "", or not a number where a number is wanted reads as empty; a row that is not
// an array was rejected when the table was made. A view: it refers into the response, which
// must outlive it (a parser reads it and is done). Immutable, thread-safe.
class StatsTable {
 public:
  // The set named `set_name` in `response`, e.g. ("leaguedashplayerstats",
  // "LeagueDashPlayerStats"). kDataLoss naming the endpoint when the response is not that
  // shape: "stats.nba.com leaguedashplayerstats: no result set 'LeagueDashPlayerStats'".
  static Result<StatsTable> find(const nlohmann::json& response, std::string_view endpoint,
                                 std::string_view set_name);
  // A table over a temporary response would dangle.
  static Result<StatsTable> find(const nlohmann::json&& response, std::string_view endpoint,
                                 std::string_view set_name) = delete;

  // The positions of `names`; kDataLoss naming endpoint and the first missing column:
  // "stats.nba.com leaguegamelog: the response has no column 'GAME_DATE'".
  Result<std::vector<std::size_t>> columns(std::initializer_list<std::string_view> names) const;
  // The position of one column, if the response has it.
  std::optional<std::size_t> optionalColumn(std::string_view name) const;

  std::size_t rowCount() const { return rows_->size(); }

  // A number, or a string that holds one ("22025" reads 22025); empty for anything else,
  // and for NaN and infinities.
  std::optional<double> number(std::size_t row, std::size_t column) const;
  // A whole number: number() rounded to the nearest integer.
  std::optional<long long> whole(std::size_t row, std::size_t column) const;
  // A string as is, a number in its shortest form ("1610612738"), "" for anything else.
  std::string text(std::size_t row, std::size_t column) const;

  const std::string& endpoint() const { return endpoint_; }

 private:
  StatsTable(std::string endpoint, std::vector<std::string> headers, const nlohmann::json& rows);
  const nlohmann::json* cell(std::size_t row, std::size_t column) const;

  std::string endpoint_;
  std::vector<std::string> headers_;
  const nlohmann::json* rows_;  // the response's rowSet array, each row an array
};

}  // namespace nba::live
