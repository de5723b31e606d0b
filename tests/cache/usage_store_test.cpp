// The daily quota's table in the cache's SQLite file: counts survive a restart, two processes
// share one count and never both take the last request, and a broken file is an error value.
#include "cache/usage_store.h"

#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "support/temp_dir.h"

namespace nba::cache {
namespace {

namespace fs = std::filesystem;

using testing::TempDir;

// Runs `body` in a child process; returns its exit code (-1 if it did not exit normally).
template <typename Body>
int inChild(Body body) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::_exit(body());
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST_CASE("usage store: counts per day and client, checked and counted together") {
  UsageStore store(":memory:");
  auto first = store.take("2026-11-30", "claude", 3, std::nullopt);
  REQUIRE(first.ok());
  CHECK(first->taken);
  CHECK(first->day_total == 1);
  REQUIRE(store.take("2026-11-30", "cursor", 3, std::nullopt).ok());
  auto third = store.take("2026-11-30", "claude", 3, std::uint64_t{1});  // claude's cap: 1
  REQUIRE(third.ok());
  CHECK_FALSE(third->taken);
  CHECK(third->day_total == 2);
  CHECK(third->client_total == 1);
  REQUIRE(store.take("2026-11-30", "claude", 3, std::nullopt)->taken);
  auto full = store.take("2026-11-30", "cursor", 3, std::nullopt);
  CHECK_FALSE(full->taken);
  CHECK(full->day_total == 3);
  CHECK(store.take("2026-12-01", "cursor", 3, std::nullopt)->taken);  // a new day
  REQUIRE(store.addCacheHits("2026-11-30", "claude", 5).isOk());
  REQUIRE(store.addCacheHits("2026-11-30", "claude", 2).isOk());
  auto rows = store.rowsSince("2026-11-30");
  REQUIRE(rows.ok());
  REQUIRE(rows->size() == 3);
  CHECK(rows.value()[0].client == "claude");
  CHECK(rows.value()[0].requests == 2);
  CHECK(rows.value()[0].cache_hits == 7);
  CHECK(rows.value()[2].day == "2026-12-01");
  CHECK(store.dayTotal("2026-11-30").value() == 3);
  CHECK(store.rowsSince("2026-12-01")->size() == 1);
}

TEST_CASE("usage store: a restart keeps the count") {
  TempDir dir;
  {
    UsageStore store(dir.db());
    for (int i = 0; i < 4; ++i) REQUIRE(store.take("2026-11-30", "claude", 10, std::nullopt).ok());
  }
  UsageStore again(dir.db());
  CHECK(again.dayTotal("2026-11-30").value() == 4);
  CHECK(again.take("2026-11-30", "claude", 10, std::nullopt)->day_total == 5);
}

TEST_CASE("usage store: two processes share one count and never overshoot it") {
  TempDir dir;
  constexpr std::uint64_t kLimit = 25;
  // Both processes race for 20 requests each; exactly 25 are taken between them.
  const auto race = [&dir] {
    UsageStore store(dir.db());
    int taken = 0;
    for (int i = 0; i < 20; ++i) {
      auto take = store.take("2026-11-30", "p", kLimit, std::nullopt);
      if (!take.ok()) return 100;
      taken += take->taken ? 1 : 0;
    }
    return taken;
  };
  const pid_t pid = ::fork();
  if (pid == 0) ::_exit(race());
  const int parent_took = race();
  int status = 0;
  ::waitpid(pid, &status, 0);
  REQUIRE(WIFEXITED(status));
  const int child_took = WEXITSTATUS(status);
  CHECK(child_took != 100);
  CHECK(parent_took + child_took == static_cast<int>(kLimit));
  UsageStore store(dir.db());
  CHECK(store.dayTotal("2026-11-30").value() == kLimit);
}

TEST_CASE("usage store: a corrupt file is an error naming it, and the store recovers") {
  TempDir dir;
  {
    std::ofstream junk(dir.db(), std::ios::binary);
    std::mt19937 random(7);
    for (int i = 0; i < 8192; ++i) junk.put(static_cast<char>(random()));
  }
  UsageStore store(dir.db());
  auto take = store.take("2026-11-30", "claude", 10, std::nullopt);
  REQUIRE_FALSE(take.ok());
  CHECK(take.status().code() == StatusCode::kUnavailable);
  CHECK(take.status().message().find(dir.db()) != std::string::npos);
  CHECK_FALSE(store.dayTotal("2026-11-30").ok());
  // Replaced by a good file while running: the next call reopens it.
  fs::remove(dir.db());
  CHECK(store.take("2026-11-30", "claude", 10, std::nullopt)->taken);
}

TEST_CASE("usage store: a read-only file and a directory that cannot be made are errors") {
  TempDir dir;
  {
    UsageStore store(dir.db());
    REQUIRE(store.take("2026-11-30", "claude", 10, std::nullopt)->taken);
  }
  // Tests run as root, whom permissions do not stop: the check runs as nobody in a child.
  fs::permissions(dir.path, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                fs::perms::others_read | fs::perms::others_exec);
  fs::permissions(dir.db(), fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  for (const auto& file : fs::directory_iterator(dir.path)) {
    fs::permissions(file.path(),
                    fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  }
  const int outcome = inChild([&dir] {
    if (::getuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) return 10;
    UsageStore store(dir.db());
    auto take = store.take("2026-11-30", "claude", 10, std::nullopt);
    if (take.ok()) return 11;
    if (take.status().message().find("readonly") == std::string::npos &&
        take.status().message().find("read-only") == std::string::npos &&
        take.status().message().find("unable to open") == std::string::npos) {
      return 12;
    }
    UsageStore nowhere("/proc/nba-mcp-cannot-exist/cache.db");
    if (nowhere.take("2026-11-30", "claude", 10, std::nullopt).ok()) return 13;
    return 0;
  });
  CHECK(outcome == 0);
  fs::permissions(dir.path, fs::perms::owner_all);
  for (const auto& file : fs::directory_iterator(dir.path)) {
    fs::permissions(file.path(), fs::perms::owner_read | fs::perms::owner_write);
  }
  UsageStore store(dir.db());
  CHECK(store.dayTotal("2026-11-30").value() == 1);  // nothing lost
}

}  // namespace
}  // namespace nba::cache
