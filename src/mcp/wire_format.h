#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "mcp/prompt.h"
#include "mcp/protocol_version.h"
#include "mcp/resource.h"
#include "mcp/server_identity.h"
#include "mcp/tool.h"

namespace nba::mcp {

// Definitions → wire JSON for one protocol revision: each field only where that
// revision defines it (MCP-SPEC-NOTES §8). Pure functions.
nlohmann::json implementationJson(const ServerIdentity& identity, ProtocolVersion version);
nlohmann::json serverCapabilitiesJson(ProtocolVersion version);
nlohmann::json toolJson(const ToolDefinition& tool, ProtocolVersion version);
nlohmann::json toolResultJson(const ToolResult& result, ProtocolVersion version,
                              TextFormat text_format);
// The same for the tools/call hot path, copying none of the structured content: the result's
// "structuredContent" holds null, and `structured_in_place` is set to the content whose
// text() resultLine() writes there instead (left empty when there is none to send).
nlohmann::json toolResultJson(ToolResult&& result, ProtocolVersion version, TextFormat text_format,
                              SharedJson& structured_in_place);
nlohmann::json resourceJson(const ResourceDefinition& resource, ProtocolVersion version);
nlohmann::json resourceTemplateJson(const ResourceTemplateDefinition& resource_template,
                                    ProtocolVersion version);
nlohmann::json resourceContentsJson(const ResourceContentsList& contents);
nlohmann::json promptJson(const PromptDefinition& prompt, ProtocolVersion version);
nlohmann::json renderedPromptJson(const RenderedPrompt& prompt);

// Opaque pagination cursors (the offset of the next page, base64url-encoded with a
// tag so a cursor from elsewhere is rejected as -32602).
std::string encodeCursor(std::size_t offset);
std::optional<std::size_t> decodeCursor(const std::string& cursor);

}  // namespace nba::mcp
