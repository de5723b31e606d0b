#include "soak.h"

#include <chrono>
#include <thread>

#include "json_scan.h"

namespace nba::bench {
namespace {

constexpr std::string_view kPrefix = R"({"jsonrpc":"2.0","id":)";

// One tools/call suffix per kind of work: each tool with real arguments, and the
// failures a client causes (unknown names, bad arguments, bad dates).
const std::string_view kCalls[] = {
    R"(,"method":"tools/call","params":{"name":"get_player_stats","arguments":{"player":"Shai Gilgeous-Alexander","season":"2024-25"}}})",
    R"(,"method":"tools/call","params":{"name":"get_league_leaders","arguments":{"stat":"PTS","season":"2024-25","limit":10}}})",
    R"(,"method":"tools/call","params":{"name":"compare_players","arguments":{"players":["LeBron James","Kevin Durant"],"season":"2024-25"}}})",
    R"(,"method":"tools/call","params":{"name":"get_team_standings","arguments":{"season":"2024-25","conference":"East"}}})",
    R"(,"method":"tools/call","params":{"name":"get_team_stats","arguments":{"team":"Celtics","season":"2024-25","measure":"Advanced"}}})",
    R"(,"method":"tools/call","params":{"name":"get_player_game_log","arguments":{"player":"Nikola Jokic","season":"2023-24","last_n":10}}})",
    R"(,"method":"tools/call","params":{"name":"get_player_career","arguments":{"player":"LeBron James"}}})",
    R"(,"method":"tools/call","params":{"name":"get_schedule","arguments":{"team":"Spurs","season":"2024-25","limit":20}}})",
    R"(,"method":"tools/call","params":{"name":"get_box_score","arguments":{"game_id":"0022300403"}}})",
    R"(,"method":"tools/call","params":{"name":"get_awards","arguments":{"award":"mvp"}}})",
    R"(,"method":"tools/call","params":{"name":"answer_nba_question","arguments":{"question":"Who leads the NBA in assists in 2024-25?"}}})",
    R"(,"method":"tools/call","params":{"name":"answer_nba_question","arguments":{"question":"Compare Luka Doncic and Trae Young"}}})",
    R"(,"method":"tools/call","params":{"name":"resolve_entity","arguments":{"query":"Giannis Antetokounpo"}}})",
    R"(,"method":"tools/call","params":{"name":"get_player_stats","arguments":{"player":"Nobody McNoname"}}})",
    R"(,"method":"tools/call","params":{"name":"get_league_leaders","arguments":{"stat":"NOPE","limit":5000}}})",
    R"(,"method":"tools/call","params":{"name":"get_live_scores","arguments":{"date":"2025-02-30"}}})",
};
constexpr std::size_t kKinds = sizeof(kCalls) / sizeof(kCalls[0]);

void writeMixed(Session& session, std::int64_t first_id, int count) {
  std::string buffer;
  for (int i = 0; i < count; ++i) {
    buffer += kPrefix;
    buffer += std::to_string(first_id + i);
    buffer += kCalls[static_cast<std::size_t>(i) % kKinds];
    buffer += '\n';
    if (buffer.size() >= 64 * 1024) {
      if (!session.send(buffer)) {
        return;
      }
      buffer.clear();
    }
  }
  session.send(buffer);
}

}  // namespace

SoakResult measureSoak(Session& session, int calls, int sample_every, std::int64_t& next_id) {
  SoakResult result;
  std::int64_t first_id = next_id;
  next_id += calls;
  auto start = std::chrono::steady_clock::now();
  if (auto memory = readMemory(session.child().pid())) {
    result.samples.push_back({0, memory->rss_kb});
  }
  std::thread writer([&] { writeMixed(session, first_id, calls); });
  std::string_view line;
  int received = 0;
  while (received < calls) {
    if (session.reader().next(line, kReplyTimeoutMs) != LineReader::Status::kLine) {
      result.missing = static_cast<std::uint64_t>(calls - received);
      break;
    }
    MessageFacts facts = scanMessage(line);
    if (!facts.id) {
      ++result.checks.mismatches;  // a notification would be one; none is expected
      continue;
    }
    result.checks.errors += facts.has_error ? 1 : 0;
    if (++received % sample_every == 0) {
      if (auto memory = readMemory(session.child().pid())) {
        result.samples.push_back({received, memory->rss_kb});
      }
    }
  }
  result.ok = received == calls;
  if (!result.ok) {
    session.child().kill();  // unblocks a writer stuck on a full pipe
  }
  writer.join();
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (auto memory = readMemory(session.child().pid())) {
    result.hwm_kb = memory->hwm_kb;
  }
  return result;
}

}  // namespace nba::bench
