#include "obs/logging.h"

#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <mutex>
#include <vector>

namespace nba::obs {
namespace {

thread_local bool t_not_mirrored = false;

// Forwards warnings to whatever target is set (none most of the time). base_sink's mutex
// serialises sink_it_ and guards target_.
class WarningSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  void setTarget(WarningTarget target) {
    std::lock_guard lock(mutex_);
    target_ = std::move(target);
  }

 protected:
  void sink_it_(const spdlog::details::log_msg& message) override {
    if (!target_ || t_not_mirrored) return;
    const char* level = message.level == spdlog::level::warn  ? "warning"
                        : message.level == spdlog::level::err ? "error"
                                                              : "critical";
    target_(level, std::string(message.payload.data(), message.payload.size()));
  }
  void flush_() override {}

 private:
  WarningTarget target_;
};

std::shared_ptr<WarningSink>& warningSink() {
  static auto sink = std::make_shared<WarningSink>();
  return sink;
}

}  // namespace

Status setUpLogging(const std::string& level, const std::optional<LogFileOptions>& file) {
  auto parsed = spdlog::level::from_str(level);
  if (parsed == spdlog::level::off && level != "off") {
    return invalidArgument("unknown log level '" + level +
                           "' (use trace, debug, info, warn, error, critical or off)");
  }
  std::vector<spdlog::sink_ptr> sinks;
  sinks.push_back(std::make_shared<spdlog::sinks::stderr_sink_mt>());
  if (file) {
    try {
      sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
          file->path, file->max_bytes, file->max_files));
    } catch (const spdlog::spdlog_ex& e) {
      return invalidArgument("cannot open log file '" + file->path + "': " + e.what());
    }
  }
  warningSink()->set_level(spdlog::level::warn);
  sinks.push_back(warningSink());
  auto logger = std::make_shared<spdlog::logger>("nba-mcp", sinks.begin(), sinks.end());
  logger->set_level(parsed);
  logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e [%l] %v");
  spdlog::set_default_logger(logger);
  return Status::ok();
}

void setWarningTarget(WarningTarget target) { warningSink()->setTarget(std::move(target)); }

void clearWarningTarget() { warningSink()->setTarget(nullptr); }

NotMirrored::NotMirrored() : was_(t_not_mirrored) { t_not_mirrored = true; }

NotMirrored::~NotMirrored() { t_not_mirrored = was_; }

}  // namespace nba::obs
