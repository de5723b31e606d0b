#pragma once

#include <atomic>
#include <cstdint>

namespace nba {

// A number that moves whenever the figures behind the tools may have changed (a cache
// stored a new table, entries were invalidated), so a memo of answers can tell a result
// computed from today's figures from one computed from older ones. Thread-safe.
class DataVersion {
 public:
  std::uint64_t current() const { return version_.load(std::memory_order_acquire); }
  void bump() { version_.fetch_add(1, std::memory_order_acq_rel); }

 private:
  std::atomic<std::uint64_t> version_{0};
};

}  // namespace nba
