#pragma once

#include "mcp/server.h"

namespace nba::testing {

// Test-only tools, registered by the test binary and never shipped:
//  test_echo   {text: string, times?: integer 1..5} → echoes, structured {echo}
//  test_slow   {ms: integer} → sleeps in 5 ms steps, reporting progress, until done
//              or cancelled
//  test_throw  {} → throws std::runtime_error("boom")
//  test_log    {} → logs at info and error levels, then returns
// Plus a prompt `test_prompt(player)` and a resource template test://items/{id}
// with a completer for `player`.
void registerTestTools(mcp::McpServer& server);

}  // namespace nba::testing
