#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

namespace nba::mcp {

// Reads the plain JSON nearly every request is: strings of printable ASCII with the simple
// escapes, integers, true/false/null, objects and arrays nested at most `max_depth` deep.
// Gives exactly the value nlohmann would build (non-negative integers unsigned, negative
// ones signed, the last of a repeated key wins). Anything else gives nullopt — a \u escape,
// a byte over 0x7F, a fraction or an exponent, an integer of more than 18 digits, deeper
// nesting, or text that is not JSON at all — and the caller hands the text to nlohmann,
// which reads all of JSON, checks UTF-8 and words every error. nlohmann's lexer costs
// ~15,000 instructions for a 100-byte tools/call line, a quarter of a cheap call, and the
// reading thread pays it for every request before any can run in parallel.
// tests/mcp/json_reader_test.cpp compares the two on random and broken texts.
std::optional<nlohmann::json> parsePlainJson(std::string_view text, int max_depth);

}  // namespace nba::mcp
