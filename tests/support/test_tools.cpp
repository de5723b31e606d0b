#include "support/test_tools.h"

#include <stdexcept>
#include <thread>

namespace nba::testing {

using nlohmann::json;

namespace {

void addEcho(mcp::McpServer& server) {
  mcp::ToolDefinition tool;
  tool.name = "test_echo";
  tool.title = "Echo";
  tool.description = "Echoes text";
  tool.input_schema = json::parse(R"({"type":"object","properties":{
      "text":{"type":"string","minLength":1,"maxLength":100},
      "times":{"type":"integer","minimum":1,"maximum":5},
      "tags":{"type":"array","items":{"type":"string"},"maxItems":3,"uniqueItems":true}},
      "required":["text"],"additionalProperties":false})");
  tool.output_schema = json::parse(
      R"({"type":"object","properties":{"echo":{"type":"string"}},"required":["echo"]})");
  tool.annotations = {{"readOnlyHint", true}};
  tool.handler = [](const json& args, mcp::ToolContext&) {
    std::string text;
    int times = args.value("times", 1);
    for (int i = 0; i < times; ++i) {
      text += args["text"].get<std::string>();
    }
    mcp::ToolResult result;
    result.text = "echo: " + text;
    result.structured = json{{"echo", text}};
    result.meta = {{"dev.nbamcp/source", "test"}};
    return result;
  };
  (void)server.addTool(std::move(tool));
}

void addSlow(mcp::McpServer& server) {
  mcp::ToolDefinition tool;
  tool.name = "test_slow";
  tool.description = "Sleeps";
  tool.input_schema = json::parse(
      R"({"type":"object","properties":{"ms":{"type":"integer","minimum":0}},"required":["ms"]})");
  tool.handler = [](const json& args, mcp::ToolContext& context) {
    int ms = args["ms"].get<int>();
    for (int waited = 0; waited < ms && !context.cancelled(); waited += 5) {
      context.progress(waited, ms, "waiting");
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    mcp::ToolResult result;
    result.text = context.cancelled() ? "cancelled" : "slept";
    return result;
  };
  (void)server.addTool(std::move(tool));
}

void addThrow(mcp::McpServer& server) {
  mcp::ToolDefinition tool;
  tool.name = "test_throw";
  tool.description = "Throws";
  tool.input_schema = {{"type", "object"}};
  tool.handler = [](const json&, mcp::ToolContext&) -> mcp::ToolResult {
    throw std::runtime_error("boom");
  };
  (void)server.addTool(std::move(tool));
}

void addLog(mcp::McpServer& server) {
  mcp::ToolDefinition tool;
  tool.name = "test_log";
  tool.description = "Logs";
  tool.input_schema = {{"type", "object"}};
  tool.handler = [](const json&, mcp::ToolContext& context) {
    context.log(mcp::LogLevel::kInfo, "test", "an info line");
    context.log(mcp::LogLevel::kError, "test", "an error line");
    mcp::ToolResult result;
    result.text = "logged";
    return result;
  };
  (void)server.addTool(std::move(tool));
}

void addPromptAndTemplate(mcp::McpServer& server) {
  mcp::PromptDefinition prompt;
  prompt.name = "test_prompt";
  prompt.title = "Test prompt";
  prompt.arguments = {{"player", "Player", "A player", true}};
  prompt.render = [](const mcp::PromptArguments& args) -> Result<mcp::RenderedPrompt> {
    if (args.at("player") == "nobody") {
      return notFound("no player named 'nobody'");
    }
    return mcp::RenderedPrompt{"about " + args.at("player"),
                               {{"user", "Tell me about " + args.at("player")}}};
  };
  (void)server.addPrompt(std::move(prompt));
  server.addCompleter("ref/prompt", "test_prompt", "player", [](const mcp::CompletionRequest& r) {
    std::vector<std::string> all = {"LeBron James", "Luka Doncic", "Kevin Durant"};
    std::vector<std::string> out;
    for (const auto& name : all) {
      if (name.rfind(r.value, 0) == 0) {
        out.push_back(name);
      }
    }
    return out;
  });
  mcp::ResourceTemplateDefinition item;
  item.uri_template = "test://items/{id}";
  item.name = "item";
  item.mime_type = "text/plain";
  item.ttl = std::chrono::milliseconds(1234);
  item.read =
      [](const std::map<std::string, std::string>& vars) -> Result<mcp::ResourceContentsList> {
    if (vars.at("id") == "404") {
      return notFound("no item 404");
    }
    return mcp::ResourceContentsList{
        {"test://items/" + vars.at("id"), "text/plain", "item " + vars.at("id")}};
  };
  (void)server.addResourceTemplate(std::move(item));
}

}  // namespace

void registerTestTools(mcp::McpServer& server) {
  addEcho(server);
  addSlow(server);
  addThrow(server);
  addLog(server);
  addPromptAndTemplate(server);
}

}  // namespace nba::testing
