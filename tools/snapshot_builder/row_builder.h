#pragma once

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace nba::builder {

// Collects a row's fields by column name, then lays them out in schema order, so a row
// can never put a value under the wrong column. Value type.
class RowBuilder {
 public:
  RowBuilder& set(std::string_view column, std::string value);
  // The fields in `columns` order; an error names a column that was never set or one that
  // is not in the schema.
  Result<std::vector<std::string>> assemble(std::span<const std::string_view> columns) const;

 private:
  std::map<std::string, std::string, std::less<>> fields_;
};

}  // namespace nba::builder
