#include "fuzz/protocol/reply_tracker.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace nba::fuzz {
namespace {

using nlohmann::json;

std::string keyOf(const json& reply) {
  auto id = reply.find("id");
  return id == reply.end() || id->is_null()
             ? "null"
             : id->dump(-1, ' ', false, json::error_handler_t::replace);
}

// Why `message` is not a well-formed JSON-RPC message from a server, or empty.
std::string malformed(const json& message) {
  if (!message.is_object()) {
    return "not a JSON object";
  }
  auto jsonrpc = message.find("jsonrpc");
  if (jsonrpc == message.end() || *jsonrpc != "2.0") {
    return "no \"jsonrpc\": \"2.0\"";
  }
  const int kinds = static_cast<int>(message.contains("method")) +
                    static_cast<int>(message.contains("result")) +
                    static_cast<int>(message.contains("error"));
  if (kinds != 1) {
    return "not exactly one of method, result, error";
  }
  if (message.contains("method") && message.contains("id")) {
    return "the server sent a request (it has none to send)";
  }
  if (message.contains("error")) {
    const json& error = message.at("error");
    if (!error.is_object() || !error.value("code", json()).is_number_integer() ||
        !error.value("message", json()).is_string()) {
      return "an error without an integer code and a string message";
    }
  }
  if (message.contains("result") && !message.contains("id")) {
    return "a result without \"id\"";
  }
  return {};
}

}  // namespace

std::string excerpt(std::string_view line, std::size_t max) {
  if (line.size() <= max) {
    return std::string(line);
  }
  return std::string(line.substr(0, max)) + "… (" + std::to_string(line.size()) + " bytes)";
}

void ReplyTracker::expect(const Expectation& expected, std::string_view what,
                          Clock::time_point now) {
  const Clock::time_point deadline = now + timeout_;
  switch (expected.kind) {
    case Expectation::Kind::kNothing:
      break;
    case Expectation::Kind::kReply:
    case Expectation::Kind::kAtClose:
      due_.push_back({expected.key, excerpt(what), deadline, false,
                      expected.kind == Expectation::Kind::kAtClose});
      break;
    case Expectation::Kind::kBatch: {
      std::vector<std::string> keys = expected.batch;
      std::sort(keys.begin(), keys.end());
      batches_.push_back({std::move(keys), excerpt(what), deadline});
      break;
    }
    case Expectation::Kind::kAnything:
      wildcards_.push_back({deadline});
      break;
  }
  if (!expected.cancels.empty()) {
    for (Due& due : due_) {
      if (due.key == expected.cancels) {
        due.optional = true;
      }
    }
  }
}

std::optional<std::string> ReplyTracker::onLine(const std::string& line, Clock::time_point now) {
  (void)now;
  const json message = json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (message.is_discarded()) {
    violation("stdout line is not JSON: " + excerpt(line));
    return std::nullopt;
  }
  if (message.is_array()) {
    std::vector<std::string> keys;
    for (const json& reply : message) {
      if (std::string why = malformed(reply); !why.empty()) {
        violation("batch reply element " + why + ": " + excerpt(line));
      }
      keys.push_back(keyOf(reply));
    }
    if (message.empty()) {
      violation("an empty batch reply: " + line);
    }
    ++replies_;
    matchBatch(std::move(keys), line);
    return std::nullopt;
  }
  if (std::string why = malformed(message); !why.empty()) {
    violation("stdout message " + why + ": " + excerpt(line));
    return std::nullopt;
  }
  if (message.contains("method")) {
    return std::nullopt;  // a notification (progress, log message, list changed)
  }
  ++replies_;
  std::string key = keyOf(message);
  matchReply(key, line);
  return key;
}

void ReplyTracker::matchReply(const std::string& key, const std::string& line) {
  auto it = std::find_if(due_.begin(), due_.end(), [&](const Due& d) { return d.key == key; });
  if (it != due_.end()) {
    due_.erase(it);
    return;
  }
  if (!takeWildcard()) {
    violation("a reply nothing asked for (a second reply, or an unknown id " + key +
              "): " + excerpt(line));
  }
}

void ReplyTracker::matchBatch(std::vector<std::string> keys, const std::string& line) {
  std::sort(keys.begin(), keys.end());
  auto it = std::find_if(batches_.begin(), batches_.end(),
                         [&](const DueBatch& b) { return b.keys == keys; });
  if (it != batches_.end()) {
    batches_.erase(it);
    return;
  }
  if (!takeWildcard()) {
    violation("a batch reply that matches no batch sent: " + excerpt(line));
  }
}

bool ReplyTracker::takeWildcard() {
  if (wildcards_.empty()) {
    return false;
  }
  wildcards_.pop_front();
  return true;
}

void ReplyTracker::onSync() {
  for (auto it = due_.begin(); it != due_.end();) {
    if (it->key == "null" && !it->optional) {
      violation("no reply (error without id) to a line answered before a later ping: " + it->what);
      it = due_.erase(it);
    } else {
      ++it;
    }
  }
}

void ReplyTracker::checkDeadlines(Clock::time_point now) {
  for (auto it = due_.begin(); it != due_.end();) {
    if (it->deadline < now && !it->at_close) {
      if (!it->optional) {
        violation("no reply within " + std::to_string(timeout_.count()) + " ms to id " + it->key +
                  ": " + it->what);
      }
      it = due_.erase(it);
    } else {
      ++it;
    }
  }
  for (auto it = batches_.begin(); it != batches_.end();) {
    if (it->deadline < now) {
      violation("no batch reply within " + std::to_string(timeout_.count()) + " ms: " + it->what);
      it = batches_.erase(it);
    } else {
      ++it;
    }
  }
  while (!wildcards_.empty() && wildcards_.front().deadline < now) {
    wildcards_.pop_front();
  }
}

void ReplyTracker::finish() {
  for (const Due& due : due_) {
    if (!due.optional) {
      violation("no reply before stdout closed to id " + due.key + ": " + due.what);
    }
  }
  for (const DueBatch& batch : batches_) {
    violation("no batch reply before stdout closed: " + batch.what);
  }
  due_.clear();
  batches_.clear();
  wildcards_.clear();
}

void ReplyTracker::violation(std::string text) { violations_.push_back(std::move(text)); }

}  // namespace nba::fuzz
