#pragma once

#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "mcp/schema_validator.h"
#include "nba/tools/nba_tool.h"
#include "support/nba_env.h"

// Helpers shared by the player tool tests: run a tool of playerTools() on the snapshot, and
// check arguments against the tool's input schema the way the server does before the handler.
namespace nba::testing {

inline tools::ToolAnswer runPlayerTool(const std::string& name, const nlohmann::json& arguments,
                                       const tools::ToolEnv& env = snapshotEnv()) {
  for (const auto& tool : tools::playerTools()) {
    if (tool.name == name) {
      return tool.run(arguments, env);
    }
  }
  FAIL("tool " << name << " is not registered");
  return {};
}

inline nlohmann::json loadSchema(const std::string& name, const std::string& kind) {
  std::ifstream in(std::string(NBA_MCP_SOURCE_DIR) + "/schemas/" + name + "." + kind + ".json");
  REQUIRE(in.good());
  std::stringstream text;
  text << in.rdbuf();
  return nlohmann::json::parse(text.str());
}

// True when the server would reject `arguments` before the handler runs.
inline bool rejectedBySchema(const std::string& name, const nlohmann::json& arguments) {
  static thread_local std::string cached_name;
  static thread_local nlohmann::json cached_schema;
  if (cached_name != name) {
    cached_schema = loadSchema(name, "input");
    cached_name = name;
  }
  return !mcp::validateAgainstSchema(arguments, cached_schema).empty();
}

// Every member the output schema requires is present in `structured` (the e2e suite runs the
// full ajv validation; this catches drift at unit-test speed).
inline void checkRequiredMembers(const std::string& name, const nlohmann::json& structured) {
  nlohmann::json schema = loadSchema(name, "output");
  for (const auto& key : schema["required"]) {
    CHECK_MESSAGE(structured.contains(key.get<std::string>()), "missing " << key);
  }
  for (auto it = structured.begin(); it != structured.end(); ++it) {
    const std::string key = it.key();  // not a structured binding: doctest captures it
    CHECK_MESSAGE(schema["properties"].contains(key), "undocumented member " << key);
  }
}

inline bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace nba::testing
