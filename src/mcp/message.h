#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "mcp/rpc_error.h"

namespace nba::mcp {

// A request id kept as its exact JSON text, so every legal id — strings, 0, negative
// numbers, integers beyond 2^53 or even 2^64 — is echoed back byte for byte.
class RequestId {
 public:
  explicit RequestId(std::string json_text) : json_text_(std::move(json_text)) {}
  const std::string& text() const { return json_text_; }
  bool operator==(const RequestId& other) const = default;

 private:
  std::string json_text_;
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

// Parses text as JSON without exceptions; on failure returns a readable reason with
// the byte position ("syntax error at byte 17: unexpected '}'").
std::variant<nlohmann::json, std::string> parseJson(std::string_view text);

// Checks the JSON-RPC 2.0 envelope as MCP restricts it: object, "jsonrpc":"2.0",
// string method, id a string or integer (never null), params an object if present.
// `raw` is the message's own text, used to recover ids too large for a double.
std::variant<Message, DecodeFailure> decodeMessage(const nlohmann::json& value,
                                                   std::string_view raw);
// The same, moving `params` out of `value` instead of copying it.
std::variant<Message, DecodeFailure> decodeMessage(nlohmann::json&& value, std::string_view raw);

// Returns the raw JSON text of member `key` of the top-level object in `raw`, or
// nullopt. Tolerates any valid JSON; used only on text that already parsed.
std::optional<std::string_view> topLevelMemberText(std::string_view raw, std::string_view key);

// Serializes compactly; invalid UTF-8 is replaced, never thrown on.
std::string dumpJson(const nlohmann::json& value);

// Whole response lines (without the trailing newline).
std::string resultLine(const RequestId& id, const nlohmann::json& result);
// `id` absent: written as null, or left out when `omit_missing_id` (2025-11-25+).
std::string errorLine(const std::optional<RequestId>& id, const RpcError& error,
                      bool omit_missing_id);
std::string notificationLine(std::string_view method, const nlohmann::json& params);

}  // namespace nba::mcp
