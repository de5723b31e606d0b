#include "app/nba_tools.h"

#include "app/schema_catalog.h"
#include "nba/tools/nba_tool.h"

namespace nba::app {
namespace {

using nlohmann::json;

mcp::ToolResult toToolResult(tools::ToolAnswer answer) {
  mcp::ToolResult result;
  result.text = std::move(answer.markdown);
  result.is_error = answer.is_error;
  if (!answer.is_error) {
    result.structured = std::move(answer.structured);
  }
  result.meta = std::move(answer.meta);
  return result;
}

}  // namespace

Status registerNbaTools(mcp::McpServer& server, const tools::ToolEnv& env) {
  for (auto& tool : tools::allNbaTools()) {
    auto input = embeddedSchema(tool.name + ".input");
    if (!input.ok()) {
      return input.status();
    }
    auto output = embeddedSchema(tool.name + ".output");
    if (!output.ok()) {
      return output.status();
    }
    mcp::ToolDefinition definition;
    definition.name = tool.name;
    definition.title = tool.title;
    definition.description = tool.description;
    definition.input_schema = input.value();
    definition.output_schema = output.value();
    definition.annotations = {
        {"title", tool.title}, {"readOnlyHint", true}, {"openWorldHint", tool.open_world}};
    definition.handler = [run = std::move(tool.run), &env](const json& arguments,
                                                           mcp::ToolContext&) {
      return toToolResult(run(arguments, env));
    };
    if (Status status = server.addTool(std::move(definition)); !status.isOk()) {
      return status;
    }
  }
  return Status::ok();
}

}  // namespace nba::app
