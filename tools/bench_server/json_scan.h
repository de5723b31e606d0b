#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace nba::bench {

// What the benchmark needs from one JSON-RPC message, found without a full parse.
struct MessageFacts {
  std::optional<std::int64_t> id;  // the top-level "id" when it is an integer
  bool has_error = false;          // a top-level "error" member is present
};

// Scans the top level of a compact JSON object (nested values are skipped).
MessageFacts scanMessage(std::string_view line);

}  // namespace nba::bench
