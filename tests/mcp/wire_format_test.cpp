#include "mcp/wire_format.h"

#include <doctest/doctest.h>

#include "mcp/resource.h"

using namespace nba::mcp;
using nlohmann::json;

namespace {

ToolDefinition sampleTool() {
  ToolDefinition tool;
  tool.name = "t";
  tool.title = "T";
  tool.description = "d";
  tool.input_schema = {{"type", "object"}};
  tool.output_schema = {{"type", "object"}};
  tool.annotations = {{"readOnlyHint", true}};
  return tool;
}

}  // namespace

TEST_CASE("tool fields appear only in the revisions that define them") {
  json old = toolJson(sampleTool(), ProtocolVersion::k2024_11_05);
  CHECK_FALSE(old.contains("title"));
  CHECK_FALSE(old.contains("annotations"));
  CHECK_FALSE(old.contains("outputSchema"));
  json mid = toolJson(sampleTool(), ProtocolVersion::k2025_03_26);
  CHECK(mid["annotations"]["readOnlyHint"] == true);
  CHECK_FALSE(mid.contains("title"));
  json current = toolJson(sampleTool(), ProtocolVersion::k2025_06_18);
  CHECK(current["title"] == "T");
  CHECK(current["outputSchema"]["type"] == "object");
}

TEST_CASE("structuredContent from 2025-06-18 on, never on errors") {
  ToolResult result;
  result.text = "# md";
  result.structured = json{{"x", 1}};
  CHECK_FALSE(toolResultJson(result, ProtocolVersion::k2025_03_26, TextFormat::kMarkdown)
                  .contains("structuredContent"));
  json current = toolResultJson(result, ProtocolVersion::k2025_11_25, TextFormat::kMarkdown);
  CHECK(current["structuredContent"]["x"] == 1);
  CHECK(current["content"].size() == 1);
  CHECK(current["content"][0]["text"] == "# md");
  json both = toolResultJson(result, ProtocolVersion::k2025_11_25, TextFormat::kBoth);
  CHECK(both["content"][1]["text"] == R"({"x":1})");
  json as_json = toolResultJson(result, ProtocolVersion::k2025_11_25, TextFormat::kJson);
  CHECK(as_json["content"].size() == 1);
  CHECK(as_json["content"][0]["text"] == R"({"x":1})");
  ToolResult failure = ToolResult::error("no such player");
  json error = toolResultJson(failure, ProtocolVersion::k2025_11_25, TextFormat::kBoth);
  CHECK(error["isError"] == true);
  CHECK_FALSE(error.contains("structuredContent"));
}

TEST_CASE("capabilities follow the revision") {
  CHECK_FALSE(serverCapabilitiesJson(ProtocolVersion::k2024_11_05).contains("completions"));
  CHECK(serverCapabilitiesJson(ProtocolVersion::k2025_03_26).contains("completions"));
  CHECK(serverCapabilitiesJson(ProtocolVersion::k2025_11_25).contains("logging"));
  CHECK_FALSE(serverCapabilitiesJson(ProtocolVersion::k2026_07_28).contains("logging"));
}

TEST_CASE("cursors round-trip and foreign cursors are rejected") {
  CHECK(decodeCursor(encodeCursor(0)) == 0u);
  CHECK(decodeCursor(encodeCursor(150)) == 150u);
  CHECK_FALSE(decodeCursor("abc").has_value());
  CHECK_FALSE(decodeCursor("").has_value());
  CHECK_FALSE(decodeCursor("!!!").has_value());
}

TEST_CASE("URI templates match one segment per variable") {
  auto vars = matchUriTemplate("nba://players/{id}", "nba://players/2544");
  REQUIRE(vars.has_value());
  CHECK(vars->at("id") == "2544");
  CHECK_FALSE(matchUriTemplate("nba://players/{id}", "nba://players/").has_value());
  CHECK_FALSE(matchUriTemplate("nba://players/{id}", "nba://players/1/2").has_value());
  CHECK_FALSE(matchUriTemplate("nba://players/{id}", "nba://teams").has_value());
}

TEST_CASE("protocol versions parse and gate features") {
  CHECK(parseProtocolVersion("2025-06-18") == ProtocolVersion::k2025_06_18);
  CHECK_FALSE(parseProtocolVersion("2025-07-01").has_value());
  CHECK(acceptsBatches(ProtocolVersion::k2025_03_26));
  CHECK_FALSE(acceptsBatches(ProtocolVersion::k2025_06_18));
  CHECK(resourceNotFoundCode(ProtocolVersion::k2025_11_25) == -32002);
  CHECK(resourceNotFoundCode(ProtocolVersion::k2026_07_28) == -32602);
  CHECK(supportedProtocolVersionNames().front() == "2026-07-28");
}
