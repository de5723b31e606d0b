#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace nba::mcp {

// One way a value breaks its schema, with the path a person can find it by
// ("players[2]", "limit"; "" is the root).
struct SchemaViolation {
  std::string path;
  std::string message;
};

// Validates `value` against the JSON Schema 2020-12 subset the tool schemas use:
// type (incl. "integer" and type arrays), properties, required, additionalProperties
// (bool or schema), items, minItems, maxItems, uniqueItems, enum, const, minimum,
// maximum, exclusiveMinimum, exclusiveMaximum, minLength, maxLength (code points),
// anyOf, oneOf, format "date" (YYYY-MM-DD). Unknown keywords are ignored, as the
// spec asks. Returns at most `max_violations` violations; empty means valid.
// Pure function; thread-safe.
std::vector<SchemaViolation> validateAgainstSchema(const nlohmann::json& value,
                                                   const nlohmann::json& schema,
                                                   std::size_t max_violations = 5);

// JSON Schema counts 2024.0 as an integer, so a value that passed validation may
// still be a float where the handler reads an integer. Returns `value` with every
// float that is a whole number within ±2^53 turned into an integer, or nullopt when it
// has none (the common case: no copy). Bounded by the parser's nesting limit.
std::optional<nlohmann::json> withIntegralFloatsAsIntegers(const nlohmann::json& value);

// "limit: must be at most 50 (got 1000000000)" style, joined with "; ".
std::string describeViolations(const std::vector<SchemaViolation>& violations,
                               const std::string& root_name);

}  // namespace nba::mcp
