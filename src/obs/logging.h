#pragma once

#include <functional>
#include <optional>
#include <string>

#include "core/status.h"

namespace nba::obs {

// Where the log file goes, and how much of it is kept: it rotates at `max_bytes`, keeping
// `max_files` older files (PATH.1 … PATH.N).
struct LogFileOptions {
  std::string path;
  std::size_t max_bytes = std::size_t{10} << 20;
  std::size_t max_files = 3;
};

// Routes all spdlog output to stderr (stdout belongs to the protocol), optionally also to a
// rotating file. `level` is an spdlog level name: trace, debug, info, warn, error, critical,
// off. Call once at start-up, before other threads exist.
Status setUpLogging(const std::string& level, const std::optional<LogFileOptions>& file);

// Takes each warning (or worse) logged: its level name ("warning", "error", "critical") and
// its text.
using WarningTarget = std::function<void(const std::string& level, const std::string& text)>;

// Sends the warnings logged from now on to `target` as well (the MCP host, as
// notifications/message), until clearWarningTarget(). Thread-safe; `target` must not log.
void setWarningTarget(WarningTarget target);
void clearWarningTarget();

// While one lives, what its thread logs is not sent to the warning target: for a warning the
// host is told of on its own path (the daily quota's, to the client whose call crossed the
// line), which would otherwise reach it twice.
class NotMirrored {
 public:
  NotMirrored();
  ~NotMirrored();
  NotMirrored(const NotMirrored&) = delete;
  NotMirrored& operator=(const NotMirrored&) = delete;

 private:
  bool was_;
};

}  // namespace nba::obs
