#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "fuzz/protocol/expectation.h"
#include "fuzz/schema_values.h"

namespace nba::fuzz {

// One line for the server: `text` plus its line end ("\n", "\r\n"). `expected` overrides
// classify() where the generator knows better than the parsed value shows (ids like 1.0
// or 1e400 whose text decides).
struct Line {
  std::string text;
  std::string ending = "\n";
  std::string kind;  // for the summary: "call", "mutated-call", "byte-flip", …
  std::optional<Expectation> expected;
};

struct ToolSchema {
  std::string name;
  nlohmann::json input_schema;
};

struct FactoryOptions {
  bool batches = false;              // the session accepts batches (2025-03-26)
  bool avoid_known_crashes = false;  // no cancel without requestId (see limits for depth)
  std::size_t max_line_bytes = std::size_t{4} * 1024 * 1024;
  GenerationLimits limits;
};

// Generates what a careless or hostile client writes: schema-aware tools/call requests,
// valid and mutated (wrong types, huge strings, deep nesting), odd ids (-0, 1e400, beyond
// 2^64, escapes), byte flips, truncated lines, CRLF ends, batches, cancellations of known
// and unknown ids with and without requestId, other methods, notifications and responses.
// Ids are fresh per line (the `prefix` keeps two sessions' apart). Not thread-safe.
class LineFactory {
 public:
  LineFactory(std::vector<ToolSchema> tools, Choices& choices, FactoryOptions options,
              std::string prefix);

  // The lines of one random step: usually one; a call and its cancellation are two.
  std::vector<Line> step();
  // A valid tools/call with a fresh id.
  Line validCall();
  // A ping with a fresh id (used to synchronize), and its reply's key.
  Line ping(std::string& key);

 private:
  std::string freshId();
  const ToolSchema& anyTool();
  std::string callLine(const std::string& id, const nlohmann::json& arguments,
                       const ToolSchema& tool);
  Line mutatedCall();
  Line oddId();
  Line byteFlip();
  Line truncated();
  Line crlf();
  std::vector<Line> cancel();
  Line otherMethod();
  Line notificationOrResponse();
  Line batch();
  Line deep();
  Line huge();

  std::vector<ToolSchema> tools_;
  Choices& choices_;
  FactoryOptions options_;
  std::string prefix_;
  std::uint64_t next_id_ = 1;
};

}  // namespace nba::fuzz
