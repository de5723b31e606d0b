#pragma once

#include <filesystem>
#include <random>
#include <string>
#include <system_error>

namespace nba::testing {

// A fresh directory under the system's temp dir, removed (with what it holds) afterwards.
struct TempDir {
  explicit TempDir(const std::string& prefix = "nba-mcp-test-") {
    std::random_device seed;
    path = std::filesystem::temp_directory_path() / (prefix + std::to_string(seed()));
    std::filesystem::create_directories(path);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // The cache's SQLite file in it.
  std::string db() const { return (path / "cache.db").string(); }

  std::filesystem::path path;
};

}  // namespace nba::testing
