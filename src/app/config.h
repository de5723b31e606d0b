#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace nba::app {

// Everything the command line, NBA_MCP_* environment variables and the config file
// can set (precedence: flag > env > file > default). Plain value type.
struct Config {
  std::string log_level = "warn";
  std::optional<std::string> log_file;
  std::size_t workers = 4;
  std::size_t max_message_bytes = std::size_t{4} * 1024 * 1024;
  std::size_t page_size = 50;
  std::string text_format = "markdown";  // markdown | json | both
  int shutdown_grace_ms = 5000;
  // A snapshot directory to load instead of the embedded one (same format).
  std::optional<std::string> snapshot_dir;
  // A fixed wall-clock time ("2026-02-22T12:00:00Z") for reproducible answers about
  // "today" and "this season" (golden tests); empty: the system clock.
  std::optional<std::string> fixed_time;
};

}  // namespace nba::app
