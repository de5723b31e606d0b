#include "app/nba_tools.h"

#include "app/call_context_of.h"
#include "app/schema_catalog.h"
#include "nba/tools/markdown.h"
#include "nba/tools/nba_tool.h"

namespace nba::app {
namespace {

using nlohmann::json;

// The source's notes (dev.nbamcp/notes: where the figures came from, e.g. the offline
// snapshot while NBA.com is unreachable) close every answer's markdown, the same way for
// every tool.
std::string withSourceNotes(std::string markdown, const json& meta) {
  auto notes = meta.find("dev.nbamcp/notes");
  if (notes == meta.end() || !notes->is_array()) {
    return markdown;
  }
  for (const json& note : *notes) {
    if (note.is_string()) {
      markdown += "\n\n" + tools::noteLine(note.get<std::string>());
    }
  }
  return markdown;
}

mcp::ToolResult toToolResult(tools::ToolAnswer answer) {
  mcp::ToolResult result;
  result.text = withSourceNotes(std::move(answer.markdown), answer.meta);
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
                                                           mcp::ToolContext& context) {
      const CallContext call = callContextOf(context, env.clock);
      return toToolResult(run(arguments, env.forCall(call)));
    };
    if (Status status = server.addTool(std::move(definition)); !status.isOk()) {
      return status;
    }
  }
  return Status::ok();
}

}  // namespace nba::app
