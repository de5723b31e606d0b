#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nba::mcp {

// The MCP protocol revisions this server speaks. Legacy revisions are chosen once per
// process by `initialize`; the modern (stateless) revision is named on every request.
enum class ProtocolVersion {
  k2024_11_05,
  k2025_03_26,
  k2025_06_18,
  k2025_11_25,
  k2026_07_28,
};

inline constexpr ProtocolVersion kNewestLegacyVersion = ProtocolVersion::k2025_11_25;
inline constexpr ProtocolVersion kModernVersion = ProtocolVersion::k2026_07_28;

std::optional<ProtocolVersion> parseProtocolVersion(std::string_view text);
std::string_view protocolVersionName(ProtocolVersion version);
// Every supported revision, newest first (as server/discover and -32022 list them).
std::vector<std::string> supportedProtocolVersionNames();

// Feature gates: each field or behaviour is used only in the revisions that define it
// (MCP-SPEC-NOTES §8).
bool isModern(ProtocolVersion v);
bool hasToolAnnotations(ProtocolVersion v);   // 2025-03-26+
bool hasTitles(ProtocolVersion v);            // 2025-06-18+
bool hasStructuredOutput(ProtocolVersion v);  // 2025-06-18+: outputSchema, structuredContent
bool hasIcons(ProtocolVersion v);             // 2025-11-25+
bool acceptsBatches(ProtocolVersion v);       // 2025-03-26 only
bool omitsUnknownErrorId(ProtocolVersion v);  // 2025-11-25+: error without a readable id
int resourceNotFoundCode(ProtocolVersion v);  // -32002 legacy, -32602 modern

}  // namespace nba::mcp
