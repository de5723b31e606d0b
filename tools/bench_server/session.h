#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "child_process.h"
#include "line_reader.h"

namespace nba::bench {

// One JSON-RPC request shape; the id is spliced in between prefix and suffix.
struct RequestTemplate {
  std::string_view prefix;
  std::string_view suffix;
};

extern const RequestTemplate kPingRequest;
extern const RequestTemplate kToolCallRequest;  // tools/call get_server_stats {}
// tools/call resolve_entity of an id: the cheapest tool there is (an index lookup, a small
// answer), the nearest to issue 9's "trivial tool" for pipelined throughput.
extern const RequestTemplate kCheapestToolRequest;
extern const RequestTemplate kLeadersRequest;  // tools/call get_league_leaders {stat: PTS}
extern const RequestTemplate kAnswerRequest;   // tools/call answer_nba_question (leaders)

// Appends the request with `id`, '\n' included.
void appendRequest(std::string& out, const RequestTemplate& request, std::int64_t id);

// Counts of replies that were not what we waited for.
struct ReplyChecks {
  std::uint64_t mismatches = 0;  // a reply whose id was not the one expected
  std::uint64_t errors = 0;      // a JSON-RPC error reply
};

// A spawned child (server or echo) spoken to line by line.
class Session {
 public:
  explicit Session(ChildProcess child);

  ChildProcess& child() { return child_; }
  LineReader& reader() { return reader_; }
  bool send(const std::string& data);
  // Reads lines until the reply to `id` arrives (copied to `reply` when given); other lines
  // count as mismatches. False on timeout, EOF or a read error.
  bool awaitReply(std::int64_t id, ReplyChecks& checks, std::string* reply = nullptr);
  // Sends initialize and waits for a good reply.
  bool initialize(std::int64_t id);
  bool notifyInitialized();

 private:
  ChildProcess child_;
  LineReader reader_;
};

constexpr int kReplyTimeoutMs = 10'000;

}  // namespace nba::bench
