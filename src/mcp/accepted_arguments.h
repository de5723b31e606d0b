#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <shared_mutex>
#include <string>
#include <unordered_set>

namespace nba::mcp {

// The argument sets each tool's input schema has already accepted. Hosts repeat calls, and
// the question pipeline repeats its inner ones; validating the arguments again cost ~3,500
// instructions of a memoised call's ~38,000, and finding them here costs a fraction of that.
// Validation is a function of the arguments and the tool's schema alone, and a tool's
// schema never changes once it is registered, so a remembered verdict cannot go stale.
// Only acceptances are kept: a rejected call is validated again, to word its error.
// Bounded by bytes: when full, everything is forgotten at once. Thread-safe.
class AcceptedArguments {
 public:
  explicit AcceptedArguments(std::size_t max_bytes = std::size_t{1} << 20);

  // The key of one call: the tool's name and its arguments as compact JSON (object keys
  // sorted, so equal arguments have equal keys).
  static std::string keyOf(const std::string& tool, const nlohmann::json& arguments);
  bool contains(const std::string& key) const;
  void add(std::string key);

 private:
  const std::size_t max_bytes_;
  mutable std::shared_mutex mutex_;
  std::unordered_set<std::string> keys_;  // guarded by mutex_
  std::size_t bytes_ = 0;                 // guarded by mutex_
};

}  // namespace nba::mcp
