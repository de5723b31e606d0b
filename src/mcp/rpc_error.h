#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/status.h"

namespace nba::mcp {

// JSON-RPC and MCP error codes, in one place (STYLE rule 4).
namespace error_code {
inline constexpr int kParseError = -32700;
inline constexpr int kInvalidRequest = -32600;
inline constexpr int kMethodNotFound = -32601;
inline constexpr int kInvalidParams = -32602;
inline constexpr int kInternalError = -32603;
inline constexpr int kResourceNotFound = -32002;  // legacy revisions only
inline constexpr int kMissingClientCapability = -32021;
inline constexpr int kUnsupportedProtocolVersion = -32022;
// Ours, in JSON-RPC's server-defined range: a limit refused the request (the daily NBA.com
// quota); the message says when to retry. Tool calls report it as an isError result instead.
inline constexpr int kResourceExhausted = -32029;
}  // namespace error_code

// A protocol-level failure, sent as a JSON-RPC `error`.
struct RpcError {
  int code = error_code::kInternalError;
  std::string message;
  nlohmann::json data;  // null when absent
};

inline RpcError invalidParams(std::string message) {
  return {error_code::kInvalidParams, std::move(message), nullptr};
}
inline RpcError invalidRequest(std::string message) {
  return {error_code::kInvalidRequest, std::move(message), nullptr};
}
inline RpcError methodNotFound(std::string message) {
  return {error_code::kMethodNotFound, std::move(message), nullptr};
}

// The single mapping from internal Status codes to JSON-RPC codes, for the protocol
// methods (resources/read, prompts/get…) whose failures are protocol errors.
RpcError rpcErrorFromStatus(const Status& status);

}  // namespace nba::mcp
