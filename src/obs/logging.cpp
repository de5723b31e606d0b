#include "obs/logging.h"

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <vector>

namespace nba::obs {

Status setUpLogging(const std::string& level, const std::optional<std::string>& file) {
  auto parsed = spdlog::level::from_str(level);
  if (parsed == spdlog::level::off && level != "off") {
    return invalidArgument("unknown log level '" + level +
                           "' (use trace, debug, info, warn, error, critical or off)");
  }
  std::vector<spdlog::sink_ptr> sinks;
  sinks.push_back(std::make_shared<spdlog::sinks::stderr_sink_mt>());
  if (file) {
    try {
      sinks.push_back(std::make_shared<spdlog::sinks::basic_file_sink_mt>(*file));
    } catch (const spdlog::spdlog_ex& e) {
      return invalidArgument("cannot open log file '" + *file + "': " + e.what());
    }
  }
  auto logger = std::make_shared<spdlog::logger>("nba-mcp", sinks.begin(), sinks.end());
  logger->set_level(parsed);
  logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e [%l] %v");
  spdlog::set_default_logger(logger);
  return Status::ok();
}

}  // namespace nba::obs
