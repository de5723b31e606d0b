#include "mcp/protocol_version.h"

#include <array>
#include <utility>

namespace nba::mcp {
namespace {

constexpr std::array<std::pair<ProtocolVersion, std::string_view>, 5> kNames = {{
    {ProtocolVersion::k2026_07_28, "2026-07-28"},
    {ProtocolVersion::k2025_11_25, "2025-11-25"},
    {ProtocolVersion::k2025_06_18, "2025-06-18"},
    {ProtocolVersion::k2025_03_26, "2025-03-26"},
    {ProtocolVersion::k2024_11_05, "2024-11-05"},
}};

}  // namespace

std::optional<ProtocolVersion> parseProtocolVersion(std::string_view text) {
  for (const auto& [version, name] : kNames) {
    if (name == text) {
      return version;
    }
  }
  return std::nullopt;
}

std::string_view protocolVersionName(ProtocolVersion version) {
  for (const auto& [v, name] : kNames) {
    if (v == version) {
      return name;
    }
  }
  return "unknown";
}

std::vector<std::string> supportedProtocolVersionNames() {
  std::vector<std::string> names;
  names.reserve(kNames.size());
  for (const auto& entry : kNames) {
    names.emplace_back(entry.second);
  }
  return names;
}

bool isModern(ProtocolVersion v) { return v == ProtocolVersion::k2026_07_28; }
bool hasToolAnnotations(ProtocolVersion v) { return v >= ProtocolVersion::k2025_03_26; }
bool hasTitles(ProtocolVersion v) { return v >= ProtocolVersion::k2025_06_18; }
bool hasStructuredOutput(ProtocolVersion v) { return v >= ProtocolVersion::k2025_06_18; }
bool hasIcons(ProtocolVersion v) { return v >= ProtocolVersion::k2025_11_25; }
bool acceptsBatches(ProtocolVersion v) { return v == ProtocolVersion::k2025_03_26; }
bool omitsUnknownErrorId(ProtocolVersion v) { return v >= ProtocolVersion::k2025_11_25; }
int resourceNotFoundCode(ProtocolVersion v) { return isModern(v) ? -32602 : -32002; }

}  // namespace nba::mcp
