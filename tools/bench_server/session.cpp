#include "session.h"

#include <charconv>

#include "json_scan.h"

namespace nba::bench {
namespace {

constexpr std::string_view kInitializeSuffix =
    R"(,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},)"
    R"("clientInfo":{"name":"nba-mcp-bench-server","version":"1"}}})";
constexpr std::string_view kInitializedNotification =
    R"({"jsonrpc":"2.0","method":"notifications/initialized"})";

}  // namespace

const RequestTemplate kPingRequest{R"({"jsonrpc":"2.0","id":)", R"(,"method":"ping"})"};
const RequestTemplate kToolCallRequest{
    R"({"jsonrpc":"2.0","id":)",
    R"(,"method":"tools/call","params":{"name":"get_server_stats","arguments":{}}})"};
const RequestTemplate kCheapestToolRequest{
    R"({"jsonrpc":"2.0","id":)",
    R"(,"method":"tools/call","params":{"name":"resolve_entity","arguments":{"query":"1628983"}}})"};
const RequestTemplate kLeadersRequest{
    R"({"jsonrpc":"2.0","id":)",
    R"(,"method":"tools/call","params":{"name":"get_league_leaders","arguments":{"stat":"PTS"}}})"};
const RequestTemplate kAnswerRequest{
    R"({"jsonrpc":"2.0","id":)", R"(,"method":"tools/call","params":{"name":"answer_nba_question",)"
                                 R"("arguments":{"question":"Who leads the NBA in points?"}}})"};

void appendRequest(std::string& out, const RequestTemplate& request, std::int64_t id) {
  char digits[24];
  auto result = std::to_chars(digits, digits + sizeof digits, id);
  out.append(request.prefix);
  out.append(digits, result.ptr);
  out.append(request.suffix);
  out.push_back('\n');
}

Session::Session(ChildProcess child) : child_(std::move(child)), reader_(child_.fromChild()) {}

bool Session::send(const std::string& data) {
  return writeAll(child_.toChild(), data.data(), data.size());
}

bool Session::awaitReply(std::int64_t id, ReplyChecks& checks, std::string* reply) {
  std::string_view line;
  while (reader_.next(line, kReplyTimeoutMs) == LineReader::Status::kLine) {
    MessageFacts facts = scanMessage(line);
    if (facts.id != id) {
      ++checks.mismatches;
      continue;
    }
    if (facts.has_error) {
      ++checks.errors;
    }
    if (reply != nullptr) reply->assign(line);
    return true;
  }
  return false;
}

bool Session::initialize(std::int64_t id) {
  std::string request;
  appendRequest(request, {R"({"jsonrpc":"2.0","id":)", kInitializeSuffix}, id);
  ReplyChecks checks;
  return send(request) && awaitReply(id, checks) && checks.errors == 0;
}

bool Session::notifyInitialized() {
  std::string line(kInitializedNotification);
  line.push_back('\n');
  return send(line);
}

}  // namespace nba::bench
