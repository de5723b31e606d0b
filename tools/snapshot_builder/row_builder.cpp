#include "row_builder.h"

namespace nba::builder {

RowBuilder& RowBuilder::set(std::string_view column, std::string value) {
  fields_[std::string(column)] = std::move(value);
  return *this;
}

Result<std::vector<std::string>> RowBuilder::assemble(
    std::span<const std::string_view> columns) const {
  std::vector<std::string> row;
  row.reserve(columns.size());
  for (std::string_view column : columns) {
    auto it = fields_.find(column);
    if (it == fields_.end()) {
      return internalError("column '" + std::string(column) + "' was not set");
    }
    row.push_back(it->second);
  }
  if (fields_.size() != columns.size()) {
    for (const auto& [name, value] : fields_) {
      bool known = false;
      for (std::string_view column : columns) {
        known = known || column == name;
      }
      if (!known) {
        return internalError("column '" + name + "' is not in the schema");
      }
    }
  }
  return row;
}

}  // namespace nba::builder
