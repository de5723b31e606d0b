#pragma once

#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "mcp/schema_validator.h"
#include "nba/tools/team_tools.h"
#include "support/nba_env.h"

// Helpers for the team tools' tests: run a tool on the snapshot, read its schemas.
namespace nba::testing::teams {

inline tools::ToolAnswer runTeamTool(const std::string& name, const nlohmann::json& arguments) {
  for (const auto& tool : tools::teamTools()) {
    if (tool.name == name) {
      return tool.run(arguments, snapshotEnv());
    }
  }
  FAIL("team tool not registered: " << name);
  return {};
}

inline nlohmann::json loadSchema(const std::string& file) {
  std::ifstream in(std::string(NBA_MCP_SOURCE_DIR) + "/schemas/" + file);
  REQUIRE(in.good());
  return nlohmann::json::parse(in);
}

// True when `arguments` pass the tool's input schema (what the server checks first).
inline bool acceptedBySchema(const std::string& tool, const nlohmann::json& arguments) {
  return mcp::validateAgainstSchema(arguments, loadSchema(tool + ".input.json")).empty();
}

// The answer's structured content satisfies the tool's output schema.
inline void checkOutputSchema(const std::string& tool, const tools::ToolAnswer& answer) {
  auto violations =
      mcp::validateAgainstSchema(answer.structured, loadSchema(tool + ".output.json"));
  CHECK_MESSAGE(violations.empty(), mcp::describeViolations(violations, "structuredContent"));
}

inline bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace nba::testing::teams
