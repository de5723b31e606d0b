#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace nba::mcp {

// Appends `value` to `out` as compact JSON text: the very bytes of
// value.dump(-1, ' ', false, json::error_handler_t::replace), at a fraction of the cost.
// nlohmann's serializer decodes every byte of every string through its UTF-8 automaton
// and writes through a virtual call per character; it cost ~55,000 instructions to write
// get_server_stats' 1 KB reply, more than the tool itself. This copies runs of plain bytes
// whole and hands anything unusual (a string that is not valid UTF-8, binary values) back
// to nlohmann, so the output cannot differ (tests/mcp/json_writer_test.cpp compares them).
void appendJson(std::string& out, const nlohmann::json& value);

// Appends the object `object` as appendJson would, but with the value of its member `key`
// written as `value_text`, JSON text already written (by appendJson, for the same bytes): a
// large member kept and written elsewhere is neither copied into the object nor written
// again. Anything but an object is written as is.
void appendJsonReplacing(std::string& out, const nlohmann::json& object, std::string_view key,
                         std::string_view value_text);

}  // namespace nba::mcp
