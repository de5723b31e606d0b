#include "app/nba_tools.h"

#include <memory>

#include "app/call_context_of.h"
#include "app/schema_catalog.h"
#include "nba/tools/answer_markdown.h"
#include "nba/tools/nba_tool.h"

namespace nba::app {

using nlohmann::json;

mcp::ToolResult toToolResult(tools::ToolAnswer answer) {
  mcp::ToolResult result;
  answer.text.source_notes = tools::sourceNotesOf(answer.meta);
  result.text = tools::renderMarkdown(answer.text);
  result.is_error = answer.is_error;
  if (!answer.is_error) {
    result.structured = std::move(answer.structured);
    result.typed = std::make_shared<const tools::AnswerSections>(std::move(answer.text));
  }
  result.meta = std::move(answer.meta);
  return result;
}

nlq::ToolOutcome toolOutcomeOf(mcp::ToolResult result) {
  using Sections = std::shared_ptr<const tools::AnswerSections>;
  const Sections* sections = std::any_cast<Sections>(&result.typed);
  // Moved, not copied: an inner call's structured content can be a whole table's rows.
  return nlq::ToolOutcome{std::move(result.text),
                          std::move(result.structured).value_or(json::object()), result.is_error,
                          sections != nullptr ? *sections : nullptr};
}

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
