// Logging: warnings (and worse) also go to the target set, nothing below them does; the log
// file rotates.
#include "obs/logging.h"

#include <doctest/doctest.h>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <mutex>
#include <vector>

#include "support/temp_dir.h"

namespace nba::obs {
namespace {

TEST_CASE("logging: warnings reach the warning target, with their level; info does not") {
  testing::TempDir dir;
  const std::string path = (dir.path / "nba-mcp.log").string();
  REQUIRE(setUpLogging("info", LogFileOptions{path, 4096, 2}).isOk());
  std::mutex mutex;
  std::vector<std::pair<std::string, std::string>> seen;
  setWarningTarget([&](const std::string& level, const std::string& text) {
    std::lock_guard lock(mutex);
    seen.emplace_back(level, text);
  });
  spdlog::info("client {} initialized", "claude-ai");
  spdlog::warn("cannot write the metrics textfile {}", "/x/y.prom");
  spdlog::error("tool {} threw: {}", "get_box_score", "bad_alloc");
  {
    const NotMirrored told_elsewhere;
    spdlog::warn("the daily quota is 80 % used");  // the host hears of it on its own path
  }
  clearWarningTarget();
  spdlog::warn("after the target is cleared");
  REQUIRE(seen.size() == 2);
  CHECK(seen[0] == std::make_pair(std::string("warning"),
                                  std::string("cannot write the metrics textfile /x/y.prom")));
  CHECK(seen[1] ==
        std::make_pair(std::string("error"), std::string("tool get_box_score threw: bad_alloc")));
  // 4 KiB files, two kept: 200 lines of 100 bytes rotate twice and never keep a third.
  for (int i = 0; i < 200; ++i) spdlog::info("{:>90}", i);
  spdlog::default_logger()->flush();
  CHECK(std::filesystem::exists(path));
  CHECK(std::filesystem::exists(dir.path / "nba-mcp.1.log"));
  CHECK(std::filesystem::exists(dir.path / "nba-mcp.2.log"));
  CHECK_FALSE(std::filesystem::exists(dir.path / "nba-mcp.3.log"));
  CHECK(std::filesystem::file_size(path) <= 4096);
  REQUIRE(setUpLogging("error", std::nullopt).isOk());  // as doctest_main left it
}

TEST_CASE("logging: an unknown level or a log file that cannot be opened is an error") {
  CHECK(setUpLogging("loud", std::nullopt).message().find("unknown log level 'loud'") !=
        std::string::npos);
  CHECK(setUpLogging("info", LogFileOptions{"/dev/null/nba-mcp.log", 4096, 2})
            .message()
            .find("/dev/null/nba-mcp.log") != std::string::npos);
  REQUIRE(setUpLogging("error", std::nullopt).isOk());
}

}  // namespace
}  // namespace nba::obs
