#pragma once

#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "mcp/schema_validator.h"
#include "nba/tools/game_tools.h"
#include "support/nba_env.h"
#include "support/tool_markdown.h"

namespace nba::testing::games {

inline nlohmann::json loadSchema(const std::string& name, const std::string& kind) {
  std::ifstream in(std::string(NBA_MCP_SOURCE_DIR) + "/schemas/" + name + "." + kind + ".json");
  REQUIRE(in.good());
  return nlohmann::json::parse(in);
}

// The violations of `arguments` against the tool's input schema ("" when valid).
inline std::string inputViolations(const std::string& name, const nlohmann::json& arguments) {
  auto schema = loadSchema(name, "input");
  return mcp::describeViolations(mcp::validateAgainstSchema(arguments, schema), "arguments");
}

// Runs one of the game tools on the snapshot env and checks that a successful answer's
// structured JSON validates against the tool's output schema.
inline tools::ToolAnswer runGameTool(const std::string& name, const nlohmann::json& arguments) {
  for (const auto& tool : tools::gameTools()) {
    if (tool.name == name) {
      auto answer = tool.run(arguments, snapshotEnv());
      if (!answer.is_error) {
        auto violations =
            mcp::validateAgainstSchema(answer.structured, loadSchema(name, "output"), 5);
        CHECK_MESSAGE(violations.empty(), mcp::describeViolations(violations, "structured"));
        CHECK_FALSE(markdownOf(answer).empty());
        CHECK(answer.meta.contains("dev.nbamcp/as_of"));
      }
      return answer;
    }
  }
  FAIL("tool not registered: " << name);
  return {};
}

inline bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace nba::testing::games
