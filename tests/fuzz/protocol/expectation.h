#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/json_depth.h"

namespace nba::fuzz {

// What one line written to the server must produce, by the rules of JSON-RPC 2.0 as MCP
// restricts them (STYLE.md rule 6, README "Protocol support"): a request gets exactly one
// reply carrying its id; a line that is not JSON, not an object, or has an id that is not
// a string or integer gets one error with a null (or omitted) id; notifications and the
// client's own responses get none. Value type.
struct Expectation {
  enum class Kind {
    kNothing,   // a notification, a response from the client, a blank line
    kReply,     // exactly one reply with id `key` ("null": an error without id)
    kBatch,     // exactly one array holding one reply per key of `batch` (any order)
    kAtClose,   // exactly one reply with id `key`, by the time stdout closes
    kAnything,  // at most one reply of any id (an id the model cannot decide)
  };
  Kind kind = Kind::kNothing;
  std::string key;
  std::vector<std::string> batch;
  // For notifications/cancelled: the key of the request it cancels, whose reply becomes
  // optional.
  std::string cancels;

  static Expectation nothing() { return {}; }
  static Expectation reply(std::string key) { return {Kind::kReply, std::move(key), {}, {}}; }
  static Expectation anything() { return {Kind::kAnything, {}, {}, {}}; }
};

// The key a reply's id is matched by: the id's JSON re-serialized (so -0 and 0, or an
// escaped and a plain string, are the same key, as they are the same JSON value); "null"
// for a null or absent id.
std::string idKey(std::string_view id_json);

// The server's documented nesting limit (README "Protocol support", mcp::kMaxJsonDepth): a
// line nesting arrays and objects deeper is refused whole, before it is read as a batch.
inline constexpr std::size_t kServerMaxDepth = 64;

// Classifies one line as the server's reader sees it (after the transport strips one
// trailing '\r'). `batches` is true in a 2025-03-26 session, the only one that accepts
// them; `max_line_bytes` is the server's --max-message-bytes. A line nested deeper than
// kServerMaxDepth is owed one error: with the id of a top-level object's string or integer
// id (the server recovers it from the text), else without one; a notification none. A line
// that does not parse, or is over the limit, is answered with the id its text shows.
Expectation classify(std::string_view line, bool batches, std::size_t max_line_bytes);

}  // namespace nba::fuzz
