#include "fuzz/protocol/server_session.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>

namespace nba::fuzz {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

std::string describeExit(int code) {
  return code < 0 ? "killed by signal " + std::to_string(-code)
                  : "exit status " + std::to_string(code);
}

}  // namespace

ServerSession::ServerSession(Options options)
    : options_(std::move(options)),
      process_(std::make_unique<testing::Subprocess>(options_.argv)),
      tracker_(options_.reply_timeout) {
  if (!options_.transcript_path.empty()) {
    transcript_.open(options_.transcript_path, std::ios::binary | std::ios::trunc);
  }
}

bool ServerSession::start() {
  const json params = {{"protocolVersion", options_.version},
                       {"capabilities", json::object()},
                       {"clientInfo", {{"name", "nba-mcp-protocol-fuzzer"}, {"version", "1"}}}};
  send({json{{"jsonrpc", "2.0"}, {"id", "init"}, {"method", "initialize"}, {"params", params}}
            .dump(),
        "\n",
        "handshake",
        {}});
  if (awaitReply(idKey("\"init\"")).empty()) {
    return false;
  }
  send({R"({"jsonrpc":"2.0","method":"notifications/initialized"})", "\n", "handshake", {}});
  json cursor;
  for (int page = 0; page < 100; ++page) {
    json request = {
        {"jsonrpc", "2.0"}, {"id", "list-" + std::to_string(page)}, {"method", "tools/list"}};
    if (!cursor.is_null()) {
      request["params"] = {{"cursor", cursor}};
    }
    send({request.dump(), "\n", "handshake", {}});
    const std::string text = awaitReply(idKey(request["id"].dump()));
    const json reply = json::parse(text, nullptr, false);
    const json result = reply.is_object() ? reply.value("result", json()) : json();
    if (!result.is_object() || !result.value("tools", json()).is_array()) {
      lifecycle_findings_.push_back("tools/list failed: " + excerpt(text));
      return false;
    }
    for (const json& tool : result.at("tools")) {
      if (tool.is_object()) {
        tools_.push_back({tool.value("name", ""), tool.value("inputSchema", json::object())});
      }
    }
    cursor = result.value("nextCursor", json());
    if (cursor.is_null()) {
      break;
    }
  }
  return !tools_.empty() && warmUp();
}

// The server loads the snapshot on the first call that needs it: a tenth of a second
// optimised, several seconds under ASan + UBSan on a busy machine. Waiting for that once,
// with its own long deadline, keeps the fuzzed lines' deadlines about answering, so a
// slow load is not reported as requests left unanswered.
bool ServerSession::warmUp() {
  const bool has_resolver = std::any_of(
      tools_.begin(), tools_.end(), [](const ToolSchema& t) { return t.name == "resolve_entity"; });
  if (!has_resolver) {
    return true;
  }
  const json request = {
      {"jsonrpc", "2.0"},
      {"id", "warm-up"},
      {"method", "tools/call"},
      {"params", {{"name", "resolve_entity"}, {"arguments", {{"query", "LeBron James"}}}}}};
  send({request.dump(), "\n", "handshake", {}});
  return !awaitReply(idKey("\"warm-up\""), options_.warm_up_timeout).empty();
}

void ServerSession::send(const Line& line) {
  if (!alive_) {
    return;
  }
  const std::string bytes = line.text + line.ending;
  if (transcript_) {
    transcript_ << bytes;
  }
  ++lines_sent_;
  bytes_sent_ += bytes.size();
  ++sent_by_kind_[line.kind];
  recent_.push_back(line.kind + ": " + excerpt(line.text, 200));
  if (recent_.size() > 8) {
    recent_.pop_front();
  }
  // What the reader sees: the text up to '\n' (the transport strips one '\r' itself).
  const std::string seen = line.text + line.ending.substr(0, line.ending.size() - 1);
  const Expectation expected =
      line.expected ? *line.expected : classify(seen, options_.batches, options_.max_line_bytes);
  tracker_.expect(expected, line.text, Clock::now());
  if (!process_->write(bytes)) {
    noteExit("while writing to its stdin");
  }
}

std::optional<std::string> ServerSession::readOne(std::chrono::milliseconds wait,
                                                  std::string* raw) {
  auto line = process_->readLine(wait);
  if (!line) {
    if (alive_ && !closing_ && process_->wait(std::chrono::milliseconds(1))) {
      noteExit("with its stdin still open");
    }
    return std::nullopt;
  }
  if (raw != nullptr) {
    *raw = *line;
  }
  return tracker_.onLine(*line, Clock::now());
}

std::string ServerSession::awaitReply(const std::string& key) {
  return awaitReply(key, options_.reply_timeout);
}

std::string ServerSession::awaitReply(const std::string& key, std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  while (alive_ && Clock::now() < deadline) {
    std::string raw;
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (readOne(std::max(left, std::chrono::milliseconds(1)), &raw) == key) {
      return raw;
    }
  }
  if (alive_) {
    lifecycle_findings_.push_back("no reply to id " + key + " within " +
                                  std::to_string(timeout.count()) + " ms");
  }
  return {};
}

void ServerSession::sync(LineFactory& factory) {
  std::string key;
  send(factory.ping(key));
  if (transcript_) {
    transcript_.flush();  // a watchdog exit must not lose the lines that hung
  }
  if (!awaitReply(key).empty()) {
    tracker_.onSync();
  }
  tracker_.checkDeadlines(Clock::now());
}

void ServerSession::pump(std::chrono::milliseconds wait) {
  // LineReader polls the pipe only with time left: never wait less than 1 ms.
  wait = std::max(wait, std::chrono::milliseconds(1));
  while (alive_) {
    std::string raw;
    readOne(wait, &raw);
    if (raw.empty()) {
      break;
    }
    wait = std::chrono::milliseconds(1);
  }
  tracker_.checkDeadlines(Clock::now());
}

void ServerSession::closeMidRequest(const Line& full, const Line& partial) {
  if (!alive_) {
    return;
  }
  send(full);
  Line tail = partial;
  tail.ending.clear();
  send(tail);
  closing_ = true;
  process_->closeStdin();
  // Up to the shutdown grace (5 s by default) for calls in flight, then the exit; what it
  // wrote before exiting is still in the pipe and read to the end.
  const auto deadline = Clock::now() + std::chrono::seconds(20);
  std::optional<int> code;
  while (Clock::now() < deadline) {
    std::string raw;
    readOne(std::chrono::milliseconds(100), &raw);
    if (raw.empty() && (code = process_->wait(std::chrono::milliseconds(1)))) {
      pump(std::chrono::milliseconds(200));
      break;
    }
  }
  alive_ = false;
  if (!code) {
    lifecycle_findings_.push_back("still running 20 s after its stdin closed");
    return;
  }
  if (*code != 0) {
    lifecycle_findings_.push_back("after stdin closed: " + describeExit(*code) + " (expected 0)");
  }
  tracker_.finish();
}

void ServerSession::noteExit(const std::string& when) {
  if (!alive_) {
    return;
  }
  alive_ = false;
  auto code = process_->wait(std::chrono::milliseconds(2000));
  lifecycle_findings_.push_back("the server died " + when + ": " +
                                (code ? describeExit(*code) : std::string("no exit status")));
}

std::vector<std::string> ServerSession::findings() const {
  std::vector<std::string> all = lifecycle_findings_;
  all.insert(all.end(), tracker_.violations().begin(), tracker_.violations().end());
  return all;
}

std::string ServerSession::summary() const {
  std::ostringstream out;
  out << "session " << options_.name << " (" << options_.version
      << (options_.batches ? ", batches" : "") << "): " << lines_sent_ << " lines ("
      << bytes_sent_ / 1024 << " KiB) sent, " << tracker_.replies() << " replies;";
  for (const auto& [kind, count] : sent_by_kind_) {
    out << " " << kind << " " << count;
  }
  return out.str();
}

std::string ServerSession::stderrExcerpt(std::size_t max_lines) const {
  // A sanitizer report's headline, summary and stack, with the frames of a deep recursion
  // folded into one; otherwise the last lines.
  std::istringstream in(process_->stderrText());
  std::vector<std::string> all;
  std::vector<std::string> kept;
  std::string last_frame;
  for (std::string line; std::getline(in, line);) {
    all.push_back(line);
    const std::size_t hash = line.find('#');
    const bool frame = hash != std::string::npos && line.find_first_not_of(' ') == hash;
    if (frame) {
      const std::size_t in_at = line.find(" in ");
      std::string function = in_at == std::string::npos ? line : line.substr(in_at);
      if (function == last_frame || kept.size() >= max_lines) {
        continue;
      }
      last_frame = function;
    }
    if (frame || line.find("ERROR") != std::string::npos ||
        line.find("SUMMARY") != std::string::npos || line.find("Assertion") != std::string::npos ||
        line.find("runtime error") != std::string::npos) {
      kept.push_back(excerpt(line, 240));
    }
  }
  if (kept.empty()) {
    const std::size_t from = all.size() > max_lines ? all.size() - max_lines : 0;
    kept.assign(all.begin() + static_cast<std::ptrdiff_t>(from), all.end());
  }
  std::string text;
  for (const std::string& line : kept) {
    text += "    " + line + "\n";
  }
  return text;
}

}  // namespace nba::fuzz
