#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>
#include <spdlog/spdlog.h>

#include <cstdlib>

int main(int argc, char** argv) {
  // Servers under test log to stderr; keep the test output to what failed.
  spdlog::set_level(spdlog::level::err);
  // The servers the tests start keep their cache in memory: a cache file shared between runs
  // (~/.cache/nba-mcp) would answer one run from another's. A test that wants a file says so.
  setenv("NBA_MCP_CACHE_DB", ":memory:", 1);
  doctest::Context context(argc, argv);
  return context.run();
}
