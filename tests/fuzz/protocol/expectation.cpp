#include "fuzz/protocol/expectation.h"

#include <nlohmann/json.hpp>

namespace nba::fuzz {
namespace {

using nlohmann::json;

std::string dumpKey(const json& id) {
  return id.dump(-1, ' ', false, json::error_handler_t::replace);
}

bool isBlank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

// One message of a line or of a batch.
Expectation classifyObject(const json& message) {
  const bool jsonrpc_ok = message.value("jsonrpc", json()) == "2.0";
  const bool has_method = message.contains("method");
  const json method = message.value("method", json());
  const bool response_like = message.contains("result") || message.contains("error");
  auto id = message.find("id");
  if (id == message.end() && !method.is_string()) {
    // Neither a request nor a notification (no id, no string method): an invalid request,
    // answered without an id as JSON-RPC 2.0 asks.
    return Expectation::reply("null");
  }
  if (id == message.end()) {
    Expectation nothing;
    auto params = message.find("params");
    if (jsonrpc_ok && method == "notifications/cancelled" && params != message.end() &&
        params->is_object() && params->contains("requestId")) {
      nothing.cancels = dumpKey(params->at("requestId"));
    }
    return nothing;  // a notification (a string method), broken or not, is never answered
  }
  std::string key;
  if (id->is_string() || id->is_number_integer()) {
    key = dumpKey(*id);
  } else if (id->is_number_float()) {
    // An integer beyond 64 bits is recovered from the text and echoed; any other float is
    // refused without an id. Which one it was is not visible in the parsed value.
    return Expectation::anything();
  } else if (!id->is_null()) {
    return Expectation::reply("null");  // a boolean, object or array id
  } else {
    key = "null";
  }
  if (jsonrpc_ok && !has_method && response_like) {
    return Expectation::nothing();  // the client answering a request of ours
  }
  Expectation expected = Expectation::reply(key);
  if (key != "null" && jsonrpc_ok && method == "subscriptions/listen") {
    expected.kind = Expectation::Kind::kAtClose;  // held open until shutdown, or refused
  }
  return expected;
}

// The one reply owed to a line refused for its depth; none for a notification.
Expectation tooDeep(const json& value) {
  if (value.is_object()) {
    auto id = value.find("id");
    if (id == value.end() && value.contains("method") && value["method"].is_string()) {
      return Expectation::nothing();
    }
    if (id != value.end() && (id->is_string() || id->is_number_integer())) {
      return Expectation::reply(dumpKey(*id));
    }
    if (id != value.end() && id->is_number_float()) {
      return Expectation::anything();  // as classifyObject: the text decides
    }
  }
  return Expectation::reply("null");
}

}  // namespace

std::string idKey(std::string_view id_json) {
  const json id = json::parse(id_json, nullptr, /*allow_exceptions=*/false);
  return id.is_discarded() ? std::string(id_json) : dumpKey(id);
}

Expectation classify(std::string_view line, bool batches, std::size_t max_line_bytes) {
  if (line.size() > max_line_bytes) {
    // Discarded, answered once with the id the server reads in its first 4 KiB, or none:
    // this model does not re-implement that scan.
    return Expectation::anything();
  }
  if (!line.empty() && line.back() == '\r') {
    line.remove_suffix(1);
  }
  if (isBlank(line)) {
    return Expectation::nothing();
  }
  const json value = json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded() && nestingDepth(line) > kServerMaxDepth) {
    // Unreadable and too deep: the server's reader stops at whichever it meets first. A
    // truncated deep line meets the depth first, and the server then answers with the id it
    // recovers from the text, which this model does not re-implement: one reply, any id.
    return Expectation::anything();
  }
  if (value.is_discarded() && (line.find("\"id\"") != std::string_view::npos ||
                               line.find("\"method\"") != std::string_view::npos)) {
    // Not JSON to this model (a syntax error, or a number such as 1e400 beyond a double): the
    // server answers with the id it reads from the text, or not at all for what reads as a
    // notification. The model does not re-implement that reading.
    return Expectation::anything();
  }
  if (value.is_discarded() || !(value.is_object() || value.is_array())) {
    return Expectation::reply("null");
  }
  if (nestingDepth(line) > kServerMaxDepth) {
    return tooDeep(value);
  }
  if (value.is_object()) {
    return classifyObject(value);
  }
  if (!batches || value.empty()) {
    return Expectation::reply("null");  // batches refused, or an empty one
  }
  Expectation batch;
  batch.kind = Expectation::Kind::kBatch;
  for (const json& element : value) {
    if (!element.is_object()) {
      batch.batch.push_back("null");
      continue;
    }
    const Expectation one = classifyObject(element);
    switch (one.kind) {
      case Expectation::Kind::kNothing:
        if (!one.cancels.empty()) {
          return Expectation::anything();  // a cancel racing the batch's own requests
        }
        break;
      case Expectation::Kind::kReply:
        batch.batch.push_back(one.key);
        break;
      default:
        return Expectation::anything();
    }
  }
  if (batch.batch.empty()) {
    return Expectation::nothing();  // only notifications: no reply at all
  }
  return batch;
}

}  // namespace nba::fuzz
