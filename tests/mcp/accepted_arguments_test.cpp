// Argument sets a tool's schema accepted: remembered by tool and arguments, bounded by bytes.
#include "mcp/accepted_arguments.h"

#include <doctest/doctest.h>

#include <string>

using nba::mcp::AcceptedArguments;
using nlohmann::json;

TEST_CASE("AcceptedArguments: remembered by tool and arguments, in any key order") {
  AcceptedArguments accepted;
  const std::string leaders =
      AcceptedArguments::keyOf("get_league_leaders", {{"stat", "PTS"}, {"season", "2024-25"}});
  CHECK(leaders == "get_league_leaders\n{\"season\":\"2024-25\",\"stat\":\"PTS\"}");
  CHECK_FALSE(accepted.contains(leaders));
  accepted.add(leaders);
  CHECK(accepted.contains(
      AcceptedArguments::keyOf("get_league_leaders", {{"season", "2024-25"}, {"stat", "PTS"}})));
  // Another tool, or other arguments, are not known.
  CHECK_FALSE(accepted.contains(
      AcceptedArguments::keyOf("get_player_stats", {{"stat", "PTS"}, {"season", "2024-25"}})));
  CHECK_FALSE(accepted.contains(
      AcceptedArguments::keyOf("get_league_leaders", {{"stat", "PTS"}, {"season", 2024}})));
  CHECK_FALSE(accepted.contains(AcceptedArguments::keyOf("get_league_leaders", {{"stat", "PTS"}})));
}

TEST_CASE("AcceptedArguments: bounded by bytes, forgetting everything when full") {
  AcceptedArguments accepted(480);  // keys of at most 30 bytes are kept, 16 of them at most
  std::vector<std::string> keys;
  for (int i = 0; i < 20; ++i) {
    keys.push_back(AcceptedArguments::keyOf("resolve_entity", {{"query", std::to_string(i)}}));
    accepted.add(keys.back());
  }
  int known = 0;
  for (const auto& key : keys) known += accepted.contains(key) ? 1 : 0;
  CHECK(known > 0);
  CHECK(known < 20);  // 20 keys of 28-29 bytes do not fit in 480: some were forgotten
  CHECK(accepted.contains(keys.back()));  // the newest survives a clear-out

  const std::string huge =
      AcceptedArguments::keyOf("answer_nba_question", {{"question", std::string(200, 'x')}});
  accepted.add(huge);
  CHECK_FALSE(accepted.contains(huge));  // over a sixteenth of the bound: never kept
}
