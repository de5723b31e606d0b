// libFuzzer target: the input is what a client writes to the server's stdin (usually one
// line, possibly several); a first byte 0x01 or 0x02 stands for an initialize line (see
// withSession), so mutations spend themselves on the request, not on the handshake. Each line goes
// through nba::mcp::parseJson + decodeMessage, and the whole input is then served by a fresh, fully
// wired McpServer through the real fd transport (memfds for stdin and stdout), so framing,
// dispatch, validation, the tools and error rendering are fuzzed together. Beyond "no crash" it
// checks what the server promises: stdout holds only JSON-RPC messages, and every request gets
// exactly one reply.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/fuzz_world.h"
#include "mcp/message.h"
#include "mcp/transport.h"

namespace {

using nba::fuzz::check;
using nlohmann::json;

// Lines longer than this are rejected whole (kTooLong); small enough for the fuzzer to
// reach (scripts/fuzz.sh runs this target with -max_len=16384).
constexpr std::size_t kMaxLineBytes = 8 * 1024;

std::vector<std::string_view> splitLines(std::string_view input) {
  std::vector<std::string_view> lines;
  while (!input.empty()) {
    const std::size_t newline = input.find('\n');
    lines.push_back(input.substr(0, newline));
    input = newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);
  }
  return lines;
}

bool writeAll(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = write(fd, data.data(), data.size());
    if (n <= 0) {
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

std::string readAll(int fd) {
  std::string text;
  char chunk[65536];
  lseek(fd, 0, SEEK_SET);
  while (true) {
    const ssize_t n = read(fd, chunk, sizeof chunk);
    if (n <= 0) {
      return text;
    }
    text.append(chunk, static_cast<std::size_t>(n));
  }
}

// Serves `input` as stdin to a fresh server; returns its stdout.
std::string serve(std::string_view input) {
  static const nba::mcp::ServerOptions options = [] {
    nba::mcp::ServerOptions o;
    o.worker_threads = 2;
    o.max_line_bytes = kMaxLineBytes;
    o.page_size = 5;
    // Long enough that only a hung request misses it; libFuzzer's -timeout reports hangs.
    o.shutdown_grace = std::chrono::seconds(60);
    return o;
  }();
  nba::fuzz::FreshServer fresh = nba::fuzz::newFreshServer(options);
  const int in = memfd_create("fuzz-stdin", MFD_CLOEXEC);
  const int out = memfd_create("fuzz-stdout", MFD_CLOEXEC);
  check(in >= 0 && out >= 0 && writeAll(in, input), "memfd set-up");
  lseek(in, 0, SEEK_SET);
  bool finished = false;
  {
    auto transport = nba::mcp::newFdTransport(in, out, options.max_line_bytes);
    finished = fresh.server->serve(*transport);
  }
  check(finished, "serve() left a request running past the shutdown grace");
  std::string output = readAll(out);
  close(in);
  close(out);
  return output;
}

// The id a reply carries, normalized ("null" when absent or null).
std::string replyKey(const json& reply) {
  auto id = reply.find("id");
  return id == reply.end() ? "null" : nba::mcp::dumpJson(*id);
}

// A request id's text, normalized the way replyKey() sees it after a round trip.
std::string requestKey(const std::optional<nba::mcp::RequestId>& id) {
  if (!id) {
    return "null";
  }
  auto parsed = nba::mcp::parseJson(id->text());
  check(std::holds_alternative<json>(parsed), "a request id's text is not JSON: " + id->text());
  return nba::mcp::dumpJson(std::get<json>(parsed));
}

void checkReplyShape(const json& reply, const std::string& line) {
  check(reply.is_object(), "stdout line is not a JSON object: " + line);
  check(reply.value("jsonrpc", "") == "2.0", "stdout message without jsonrpc 2.0: " + line);
  const bool has_method = reply.contains("method");
  const bool has_result = reply.contains("result");
  const bool has_error = reply.contains("error");
  check(has_method + has_result + has_error == 1,
        "stdout message is not exactly one of notification/result/error: " + line);
  if (has_method) {
    check(!reply.contains("id"), "a notification from the server carries an id: " + line);
  }
  if (has_error) {
    const json& error = reply.at("error");
    check(error.is_object() && error.value("code", json()).is_number_integer() &&
              error.value("message", json()).is_string(),
          "malformed error object: " + line);
  }
}

// What the input asks of the server: replies per normalized id, decided with the same
// decoder the server uses. `countable` is false when the exact count is not knowable from
// the input alone: cancellations race the requests they cancel, and batches answer as one.
struct Expectation {
  std::map<std::string, int> replies;
  bool countable = true;
};

Expectation expect(std::string_view input) {
  Expectation expected;
  for (std::string_view raw : splitLines(input)) {
    if (raw.size() > kMaxLineBytes) {
      // Rejected before parsing, with the id its first bytes show (the transport keeps them).
      ++expected.replies[requestKey(
          nba::mcp::recoverRequestId(raw.substr(0, nba::mcp::kDiscardedHeadBytes)))];
      continue;
    }
    if (!raw.empty() && raw.back() == '\r') {
      raw.remove_suffix(1);
    }
    if (raw.find_first_not_of(" \t\r") == std::string_view::npos) {
      continue;  // blank lines are skipped
    }
    auto parsed = nba::mcp::parseJsonBounded(raw);
    if (auto* failure = std::get_if<nba::mcp::JsonError>(&parsed)) {
      // Answered by the id the text shows; valid JSON refused whole (too deep, a number
      // beyond a double) that reads as a notification is not answered at all.
      const auto method = nba::mcp::topLevelMemberText(raw, "method");
      const bool notification = failure->kind != nba::mcp::JsonError::Kind::kSyntax &&
                                !nba::mcp::topLevelMemberText(raw, "id") && method &&
                                method->starts_with('"');
      if (!notification) ++expected.replies[requestKey(nba::mcp::recoverRequestId(raw))];
      continue;
    }
    json& value = std::get<json>(parsed);
    if (value.is_array()) {
      // The decoder on each element as the batch handler feeds it; counts are not kept.
      for (const json& element : value) {
        (void)nba::mcp::decodeMessage(element, nba::mcp::dumpJson(element));
      }
      expected.countable = false;
      continue;
    }
    // Both overloads: the const one copies params, the other moves them out.
    (void)nba::mcp::decodeMessage(static_cast<const json&>(value), raw);
    auto decoded = nba::mcp::decodeMessage(std::move(value), raw);
    if (auto* failure = std::get_if<nba::mcp::DecodeFailure>(&decoded)) {
      if (failure->respond) {
        ++expected.replies[requestKey(failure->id)];
      }
      continue;
    }
    const auto& message = std::get<nba::mcp::Message>(decoded);
    if (message.method == "notifications/cancelled") {
      expected.countable = false;
    }
    if (message.kind == nba::mcp::MessageKind::kRequest) {
      ++expected.replies[requestKey(message.id)];
    }
  }
  return expected;
}

// 0x01 → a 2025-11-25 session, 0x02 → a 2025-03-26 one (the revision with batches); any
// other first byte: the input as it is.
std::string withSession(std::string_view input) {
  const char* version = nullptr;
  if (!input.empty() && input[0] == '\x01') {
    version = "2025-11-25";
  } else if (!input.empty() && input[0] == '\x02') {
    version = "2025-03-26";
  }
  if (version == nullptr) {
    return std::string(input);
  }
  return std::string(R"({"jsonrpc":"2.0","id":"init","method":"initialize","params":{)") +
         R"("protocolVersion":")" + version +
         R"(","capabilities":{},"clientInfo":{"name":"fuzz","version":"1"}}})" + "\n" +
         R"({"jsonrpc":"2.0","method":"notifications/initialized"})" + "\n" +
         std::string(input.substr(1));
}

bool skipKnownCrash(std::string_view input) {
  if (!nba::fuzz::avoidKnownCrashes()) {
    return false;
  }
  if (nba::fuzz::nestingDepth(input) > nba::fuzz::kKnownSafeDepth) {
    return true;
  }
  for (std::string_view line : splitLines(input)) {
    if (nba::fuzz::isCancelWithoutRequestId(line)) {
      return true;
    }
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  nba::fuzz::quietLogging();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input =
      withSession(std::string_view(reinterpret_cast<const char*>(data), size));
  if (skipKnownCrash(input)) {
    return 0;
  }
  const Expectation expected = expect(input);
  const std::string output = serve(input);

  std::map<std::string, int> replies;
  for (std::string_view line_view : splitLines(output)) {
    const std::string line(line_view);
    auto parsed = nba::mcp::parseJson(line);
    check(std::holds_alternative<json>(parsed), "stdout line is not JSON: " + line);
    const json& message = std::get<json>(parsed);
    if (message.is_array()) {
      check(!expected.countable, "a batch reply to input without a batch: " + line);
      for (const json& reply : message) {
        checkReplyShape(reply, line);
      }
      continue;
    }
    checkReplyShape(message, line);
    if (!message.contains("method")) {
      ++replies[replyKey(message)];
    }
  }
  if (expected.countable) {
    for (const auto& [id, count] : expected.replies) {
      auto it = replies.find(id);
      const int got = it == replies.end() ? 0 : it->second;
      check(got == count, "id " + id + ": expected " + std::to_string(count) + " replies, got " +
                              std::to_string(got) + "\n" + output);
    }
    for (const auto& [id, count] : replies) {
      check(expected.replies.count(id) != 0,
            "reply with id " + id + " that no request carried\n" + output);
    }
  }
  return 0;
}
