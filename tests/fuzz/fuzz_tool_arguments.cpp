// libFuzzer target: tool arguments. The first byte picks one of the app's registered tools;
// then either JSON text (when the next byte is '{') that is parsed and passed as the
// arguments, or bytes that drive a schema-aware generator: valid arguments built from the
// tool's input schema, then broken (wrong types, edge numbers, huge or escaped strings,
// deep nesting, missing or unknown properties). The call goes through McpServer::callTool,
// the path tools/call takes: middleware, validation against the input schema, handler.
// Beyond "no crash" it checks that no handler throws (the server turns that into an
// "Internal error" result) and that every successful result matches the output schema.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_world.h"
#include "fuzz/schema_values.h"
#include "mcp/message.h"
#include "mcp/schema_validator.h"

namespace {

using nba::fuzz::check;
using nlohmann::json;

// Choices read from libFuzzer's bytes, so mutations of the input steer the generator.
class ProviderChoices : public nba::fuzz::Choices {
 public:
  explicit ProviderChoices(FuzzedDataProvider& provider) : provider_(provider) {}
  std::uint64_t below(std::uint64_t n) override {
    return n <= 1 ? 0 : provider_.ConsumeIntegralInRange<std::uint64_t>(0, n - 1);
  }

 private:
  FuzzedDataProvider& provider_;
};

nba::fuzz::GenerationLimits limits() {
  nba::fuzz::GenerationLimits l;
  l.max_string_bytes = 16 * 1024;  // enough to pass every maxLength; keeps runs fast
  if (nba::fuzz::avoidKnownCrashes()) {
    l.max_depth = nba::fuzz::kKnownSafeDepth;
  }
  return l;
}

// The arguments the input describes, as JSON text; empty when it describes none.
std::string argumentsText(const nba::mcp::ToolDefinition& tool, const std::uint8_t* data,
                          std::size_t size) {
  if (size > 0 && data[0] == '{') {
    return std::string(reinterpret_cast<const char*>(data), size);
  }
  FuzzedDataProvider provider(data, size);
  ProviderChoices choices(provider);
  json arguments = nba::fuzz::validArguments(tool.input_schema, choices);
  if (provider.ConsumeBool()) {
    nba::fuzz::mutateArguments(arguments, tool.input_schema, choices, limits());
  }
  return nba::fuzz::render(arguments);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  nba::fuzz::quietLogging();
  (void)nba::fuzz::appServer();  // load the snapshot before the first input is timed
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  nba::mcp::McpServer& server = *nba::fuzz::appServer().server;
  const auto& tools = server.tools();
  const nba::mcp::ToolDefinition& tool = tools[data[0] % tools.size()];
  const std::string text = argumentsText(tool, data + 1, size - 1);
  if (nba::fuzz::avoidKnownCrashes() &&
      nba::fuzz::nestingDepth(text) > nba::fuzz::kKnownSafeDepth) {
    return 0;
  }
  // As tools/call receives them: parsed from the wire, and only objects reach the tool.
  auto parsed = nba::mcp::parseJson(text);
  if (!std::holds_alternative<json>(parsed) || !std::get<json>(parsed).is_object()) {
    return 0;
  }
  const json& arguments = std::get<json>(parsed);
  nba::mcp::ToolResult result = server.callTool(tool.name, arguments);

  check(result.text.rfind("Internal error", 0) != 0,
        tool.name + " threw on arguments " + text.substr(0, 2000) + ": " + result.text);
  if (!result.is_error && !tool.output_schema.is_null()) {
    check(result.structured.has_value(),
          tool.name + " succeeded without structuredContent on " + text.substr(0, 2000));
    auto violations = nba::mcp::validateAgainstSchema(*result.structured, tool.output_schema);
    check(violations.empty(), tool.name + " result breaks its output schema (" +
                                  nba::mcp::describeViolations(violations, "result") +
                                  ") on arguments " + text.substr(0, 2000));
  }
  return 0;
}
