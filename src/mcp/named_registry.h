#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"

namespace nba::mcp {

// An ordered list of definitions with unique keys (registration order is the listing
// order, so pagination is deterministic). Filled before the server starts serving and
// read-only afterwards: concurrent reads are safe, concurrent add() is not.
template <typename Definition>
class NamedRegistry {
 public:
  Status add(std::string key, Definition definition) {
    if (index_.count(key) != 0) {
      return {StatusCode::kAlreadyExists, "'" + key + "' is registered twice"};
    }
    index_.emplace(std::move(key), items_.size());
    items_.push_back(std::move(definition));
    return Status::ok();
  }
  const Definition* find(std::string_view key) const {
    auto it = index_.find(std::string(key));
    return it == index_.end() ? nullptr : &items_[it->second];
  }
  const std::vector<Definition>& all() const { return items_; }

 private:
  std::vector<Definition> items_;
  std::unordered_map<std::string, std::size_t> index_;
};

}  // namespace nba::mcp
