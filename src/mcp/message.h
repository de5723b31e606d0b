#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "mcp/rpc_error.h"

namespace nba::mcp {

// The deepest nesting of arrays and objects accepted in any JSON the server reads
// (a message line, a tool's arguments, the command line's JSON). MCP messages need
// about six levels; anything deeper is refused before a tree is built, so no
// recursive walk over a value (serialising, validating) can exhaust a thread's stack.
inline constexpr int kMaxJsonDepth = 64;

// A request id kept as its exact JSON text as the client wrote it, so every legal
// id — strings with any escapes, 0, -0, integers beyond 2^53 or even 2^64 — is echoed
// back byte for byte. `key()` is the canonical form (nlohmann's serialisation, or the
// digits for integers beyond 64 bits), so "\u0041" and "A" name the same request when
// a cancellation refers to it.
class RequestId {
 public:
  explicit RequestId(std::string json_text) : json_text_(std::move(json_text)), key_(json_text_) {}
  RequestId(std::string json_text, std::string key)
      : json_text_(std::move(json_text)), key_(std::move(key)) {}
  const std::string& text() const { return json_text_; }
  const std::string& key() const { return key_; }
  bool operator==(const RequestId& other) const { return key_ == other.key_; }

 private:
  std::string json_text_;
  std::string key_;
};

enum class MessageKind { kRequest, kNotification, kResponse };

// One decoded JSON-RPC message. `params` is an object or null (absent).
struct Message {
  MessageKind kind = MessageKind::kRequest;
  std::optional<RequestId> id;
  std::string method;
  nlohmann::json params;
};

// Why a JSON value is not a valid message. `id` is set when it could be read;
// `respond` is false for broken notifications, which must never be answered.
struct DecodeFailure {
  RpcError error;
  std::optional<RequestId> id;
  bool respond = true;
};

// Why text is not JSON the server accepts.
struct JsonError {
  // kTooDeep and kOutOfRange refuse text that is valid JSON (nesting past the limit, a
  // number such as 1e400 beyond a double), so its members can still be read from the text.
  enum class Kind { kSyntax, kTooDeep, kOutOfRange };
  Kind kind = Kind::kSyntax;
  std::string reason;  // readable, with the byte position
};

// Parses text as JSON without exceptions and without recursion, refusing (before
// building anything deeper) arrays and objects nested more than `max_depth` levels,
// and raw NUL bytes (which JSON text cannot contain and which would otherwise end
// the text early). The reason names the byte position, or the limit.
std::variant<nlohmann::json, JsonError> parseJsonBounded(std::string_view text,
                                                         int max_depth = kMaxJsonDepth);

// parseJsonBounded with the default limit; on failure returns the readable reason
// ("invalid JSON at byte 17: …", "nesting deeper than 64 levels …").
std::variant<nlohmann::json, std::string> parseJson(std::string_view text);

// Checks the JSON-RPC 2.0 envelope as MCP restricts it: object, "jsonrpc":"2.0",
// string method, id a string or integer (never null), params an object if present.
// `raw` is the message's own text, used to recover ids too large for a double.
std::variant<Message, DecodeFailure> decodeMessage(const nlohmann::json& value,
                                                   std::string_view raw);
// The same, moving `params` out of `value` instead of copying it.
std::variant<Message, DecodeFailure> decodeMessage(nlohmann::json&& value, std::string_view raw);

// Returns the raw JSON text of member `key` of the top-level object in `raw` (the
// last one when the key repeats, as the parser keeps the last), or nullopt. Scans
// without recursion; tolerates any valid JSON and stops quietly on invalid text.
std::optional<std::string_view> topLevelMemberText(std::string_view raw, std::string_view key);

// The raw text of each element of the top-level array in `raw` (a batch), in order;
// empty when `raw` is not an array. Scans without recursion.
std::vector<std::string_view> topLevelArrayElements(std::string_view raw);

// A request id read from a parsed value and, when known, its raw text (`written`): the
// same id and key a request gets, so a cancellation's requestId finds it even beyond 64
// bits. nullopt when it is not a string or an integer.
std::optional<RequestId> readRequestId(const nlohmann::json& id,
                                       std::optional<std::string_view> written);

// The id of a message that could not be decoded as a whole (too deep), read from its
// raw text when the top-level "id" is a string or an integer; nullopt otherwise.
std::optional<RequestId> recoverRequestId(std::string_view raw);

// Serializes compactly; invalid UTF-8 is replaced, never thrown on.
std::string dumpJson(const nlohmann::json& value);

// Whole response lines (without the trailing newline).
// `structured_content`, when given, is the JSON text written in place of the result's
// "structuredContent" member (see toolResultJson).
std::string resultLine(const RequestId& id, const nlohmann::json& result,
                       const std::string* structured_content = nullptr);
// `id` absent: written as null, or left out when `omit_missing_id` (2025-11-25+).
std::string errorLine(const std::optional<RequestId>& id, const RpcError& error,
                      bool omit_missing_id);
std::string notificationLine(std::string_view method, const nlohmann::json& params);

}  // namespace nba::mcp
