#pragma once

#include <optional>
#include <string_view>

namespace nba::mcp {

// RFC 5424 severities, as MCP logging uses them, least severe first.
enum class LogLevel { kDebug, kInfo, kNotice, kWarning, kError, kCritical, kAlert, kEmergency };

std::optional<LogLevel> parseLogLevel(std::string_view name);
std::string_view logLevelName(LogLevel level);

}  // namespace nba::mcp
