#include "fuzz/protocol/line_factory.h"

#include <algorithm>

namespace nba::fuzz {
namespace {

using nlohmann::json;

std::string dump(const json& value) { return render(value); }

std::string requestLine(const std::string& id, const std::string& method, const json& params) {
  std::string line = R"({"jsonrpc":"2.0","id":)" + id + R"(,"method":)" + dump(method);
  if (!params.is_null()) {
    line += R"(,"params":)" + render(params);
  }
  return line + "}";
}

std::string notificationLine(const std::string& method, const json& params) {
  json message = {{"jsonrpc", "2.0"}, {"method", method}};
  if (!params.is_null()) {
    message["params"] = params;
  }
  return render(message);
}

json modernMeta() {
  return {{"io.modelcontextprotocol/protocolVersion", "2026-07-28"},
          {"io.modelcontextprotocol/clientCapabilities", json::object()}};
}

// Bytes a flip writes: JSON's structure, escapes, digits, and bytes that break UTF-8.
// Never '\n': that would split the line and the model with it.
char flipByte(Choices& choices) {
  static const std::string kInteresting =
      std::string("\"{}[],:\\0e-+. \r\t\x01\x7f") + "\xc3\xff\xe2\x80" + std::string(1, '\0');
  if (choices.oneIn(2)) {
    return kInteresting[choices.below(kInteresting.size())];
  }
  char byte = '\n';
  while (byte == '\n') {
    byte = static_cast<char>(choices.below(256));
  }
  return byte;
}

}  // namespace

LineFactory::LineFactory(std::vector<ToolSchema> tools, Choices& choices, FactoryOptions options,
                         std::string prefix)
    : tools_(std::move(tools)), choices_(choices), options_(options), prefix_(std::move(prefix)) {
  if (tools_.empty()) {
    tools_.push_back({"no_such_tool", json{{"type", "object"}}});
  }
}

std::string LineFactory::freshId() {
  const std::uint64_t n = next_id_++;
  return choices_.oneIn(2) ? std::to_string(n) : "\"" + prefix_ + "-" + std::to_string(n) + "\"";
}

const ToolSchema& LineFactory::anyTool() { return choices_.pick(tools_); }

std::string LineFactory::callLine(const std::string& id, const json& arguments,
                                  const ToolSchema& tool) {
  json params = {{"name", tool.name}, {"arguments", arguments}};
  if (choices_.oneIn(8)) {
    params["_meta"] = {{"progressToken", prefix_ + "-progress"}};
  }
  return requestLine(id, "tools/call", params);
}

Line LineFactory::validCall() {
  const ToolSchema& tool = anyTool();
  return {callLine(freshId(), validArguments(tool.input_schema, choices_), tool), "\n", "call", {}};
}

Line LineFactory::ping(std::string& key) {
  const std::string id = "\"" + prefix_ + "-sync-" + std::to_string(next_id_++) + "\"";
  key = idKey(id);
  return {requestLine(id, "ping", nullptr), "\n", "ping", {}};
}

Line LineFactory::mutatedCall() {
  const ToolSchema& tool = anyTool();
  json arguments = validArguments(tool.input_schema, choices_);
  mutateArguments(arguments, tool.input_schema, choices_, options_.limits);
  if (choices_.oneIn(10)) {
    // Not an object at all: tools/call refuses it as invalid params.
    arguments = oddValue(choices_, options_.limits);
  }
  return {callLine(freshId(), arguments, tool), "\n", "mutated-call", {}};
}

Line LineFactory::oddId() {
  struct Odd {
    std::string text;
    bool valid;  // an id the server accepts and echoes
  };
  const std::string n = std::to_string(next_id_++);
  const std::vector<Odd> kinds = {
      {"-0", true},
      {n + "000000000000000000000000", true},  // beyond 2^64: recovered from the text
      {"-" + n + "000000000000000000000000", true},
      {"18446744073709551615", true},
      {"-9223372036854775808", true},
      {"9223372036854775808", true},
      {R"("\u0000\"\\ \ud83c\udfc0 )" + n + "\"", true},
      {"\"\"", true},
      {"\"" + std::string(1000, 'i') + n + "\"", true},
      {"1e400", false},  // not even JSON (out of range): a parse error
      {"1.5", false},
      {"1.0", false},
      {"1e2", false},
      {"-0.0", false},
      {"true", false},
      {"null", false},
      {"{}", false},
      {"[" + n + "]", false},
  };
  const Odd& odd = choices_.pick(kinds);
  const ToolSchema& tool = anyTool();
  Line line;
  line.kind = "odd-id";
  line.text = choices_.oneIn(2)
                  ? requestLine(odd.text, "ping", nullptr)
                  : callLine(odd.text, validArguments(tool.input_schema, choices_), tool);
  line.expected = Expectation::reply(odd.valid ? idKey(odd.text) : "null");
  return line;
}

Line LineFactory::byteFlip() {
  Line line = choices_.oneIn(3) ? otherMethod() : validCall();
  const std::size_t flips = 1 + choices_.below(choices_.oneIn(4) ? 32 : 4);
  for (std::size_t i = 0; i < flips && !line.text.empty(); ++i) {
    line.text[choices_.below(line.text.size())] = flipByte(choices_);
  }
  line.kind = "byte-flip";
  line.expected.reset();
  return line;
}

Line LineFactory::truncated() {
  Line line = choices_.oneIn(3) ? otherMethod() : validCall();
  line.text.resize(choices_.below(line.text.size()));
  line.kind = "truncated";
  line.expected.reset();
  return line;
}

Line LineFactory::crlf() {
  Line line = choices_.oneIn(2) ? otherMethod() : validCall();
  line.ending = choices_.oneIn(4) ? "\r\r\n" : "\r\n";
  line.kind = "crlf";
  return line;
}

std::vector<Line> LineFactory::cancel() {
  std::vector<Line> lines;
  json params;
  switch (choices_.below(options_.avoid_known_crashes ? 4 : 6)) {
    case 0: {  // a call in flight, then its cancellation
      const std::string id = freshId();
      lines.push_back({callLine(id,
                                {{"question",
                                  "Who led the league in points and assists "
                                  "and rebounds in 2024-25 and 2023-24?"}},
                                {"answer_nba_question", json::object()}),
                       "\n",
                       "call",
                       {}});
      params = {{"requestId", json::parse(id)}, {"reason", "changed my mind"}};
      break;
    }
    case 1:  // an id nobody used
      params = {{"requestId", prefix_ + "-never-" + std::to_string(next_id_++)}};
      break;
    case 2:  // a requestId of the wrong type
      params = {{"requestId", choices_.oneIn(2) ? json(nullptr) : json::object()}};
      break;
    case 3:  // no params at all
      params = nullptr;
      break;
    case 4:  // params: {} (known crash: const operator[] on a missing key)
      params = json::object();
      break;
    default:  // a reason but no requestId (the same known crash)
      params = {{"reason", "no id"}};
      break;
  }
  lines.push_back({notificationLine("notifications/cancelled", params), "\n", "cancel", {}});
  return lines;
}

Line LineFactory::otherMethod() {
  const std::string id = freshId();
  static const std::vector<std::string> kUris = {"nba://teams",     "nba://players/2544",
                                                 "nba://players/0", "nba://server/stats",
                                                 "nba://players/",  "file:///etc/passwd"};
  static const std::vector<std::string> kLevels = {"debug", "info",      "warning",
                                                   "error", "emergency", "loud"};
  json params;
  std::string method;
  switch (choices_.below(13)) {
    case 0:
      method = "ping";
      break;
    case 1:
      method = "tools/list";
      if (choices_.oneIn(2)) {
        params = {{"cursor", choices_.oneIn(2) ? "0" : "bogus"}};
      }
      break;
    case 2:
      method = "resources/list";
      break;
    case 3:
      method = "resources/templates/list";
      break;
    case 4:
      method = "resources/read";
      params = {{"uri", choices_.pick(kUris)}};
      break;
    case 5:
      method = "prompts/list";
      break;
    case 6:
      method = "prompts/get";
      params = choices_.oneIn(2)
                   ? json{{"name", "scouting_report"}, {"arguments", {{"player", "Wemby"}}}}
                   : json{{"name", "matchup_preview"},
                          {"arguments",
                           {{"team_a", "BOS"}, {"team_b", oddValue(choices_, options_.limits)}}}};
      break;
    case 7:
      method = "completion/complete";
      params = {{"ref", {{"type", "ref/prompt"}, {"name", "scouting_report"}}},
                {"argument", {{"name", "player"}, {"value", choices_.oneIn(2) ? "jok" : ""}}}};
      break;
    case 8:
      method = "logging/setLevel";
      params = {{"level", choices_.pick(kLevels)}};
      break;
    case 9:
      method = "server/discover";
      params = {{"_meta", modernMeta()}};
      break;
    case 10:
      method = "subscriptions/listen";
      params = {{"_meta", modernMeta()}};
      break;
    case 11:
      method = "initialize";  // again: refused, the session goes on
      params = {{"protocolVersion", "2025-06-18"},
                {"capabilities", json::object()},
                {"clientInfo", {{"name", "again"}, {"version", "2"}}}};
      break;
    default:
      method = choices_.oneIn(2) ? "no/such/method" : "tools/call ";
      break;
  }
  return {requestLine(id, method, params), "\n", "other-method", {}};
}

Line LineFactory::notificationOrResponse() {
  switch (choices_.below(4)) {
    case 0:
      return {notificationLine("notifications/initialized", nullptr), "\n", "notification", {}};
    case 1:
      return {notificationLine("notifications/progress", {{"progressToken", 1}, {"progress", 2}}),
              "\n",
              "notification",
              {}};
    case 2:
      return {R"({"jsonrpc":"2.0","id":)" + freshId() + R"(,"result":{}})", "\n", "response", {}};
    default:
      return {
          R"({"jsonrpc":"2.0","id":)" + freshId() + R"(,"error":{"code":-32601,"message":"no"}})",
          "\n",
          "response",
          {}};
  }
}

Line LineFactory::batch() {
  json elements = json::array();
  const std::size_t count = choices_.oneIn(10) ? 0 : 1 + choices_.below(6);
  for (std::size_t i = 0; i < count; ++i) {
    const json id = json::parse(freshId());
    const ToolSchema& tool = anyTool();
    switch (choices_.below(8)) {
      case 0:
      case 1: {
        json arguments = validArguments(tool.input_schema, choices_);
        if (choices_.oneIn(2)) {
          mutateArguments(arguments, tool.input_schema, choices_, options_.limits);
        }
        elements.push_back({{"jsonrpc", "2.0"},
                            {"id", id},
                            {"method", "tools/call"},
                            {"params", {{"name", tool.name}, {"arguments", arguments}}}});
        break;
      }
      case 2:
        elements.push_back({{"jsonrpc", "2.0"}, {"id", id}, {"method", "ping"}});
        break;
      case 3:
        elements.push_back({{"jsonrpc", "2.0"}, {"method", "notifications/initialized"}});
        break;
      case 4:
        elements.push_back(choices_.oneIn(2) ? json(1) : json("x"));
        break;
      case 5:
        elements.push_back({{"jsonrpc", "2.0"},
                            {"id", id},
                            {"method", "initialize"},
                            {"params", {{"protocolVersion", "2025-03-26"}}}});
        break;
      case 6:
        elements.push_back({{"jsonrpc", "2.0"}, {"id", id}, {"method", "tools/list"}});
        break;
      default:
        elements.push_back(
            {{"jsonrpc", "2.0"}, {"id", id}, {"result", json::object()}});  // a response
        break;
    }
  }
  return {render(elements), "\n", "batch", {}};
}

Line LineFactory::deep() {
  const std::size_t depth = std::min<std::size_t>(
      choices_.pick(std::vector<std::size_t>{100, 1000, 10000, 30000, 50000, 100000, 200000}),
      options_.limits.max_depth);
  const json value = deepPlaceholder(depth, choices_);
  Line line;
  line.kind = "deep";
  switch (choices_.below(3)) {
    case 0: {
      const ToolSchema& tool = anyTool();
      line.text = callLine(freshId(), {{"x", value}}, tool);
      break;
    }
    case 1:
      line.text = requestLine(freshId(), "tools/call",
                              {{"name", anyTool().name}, {"arguments", {{"a", value}}}});
      break;
    default:
      line.text = render(json::array({value}));  // a batch of one deep array
      break;
  }
  return line;
}

Line LineFactory::huge() {
  // One byte over the limit: discarded whole and answered once, without an id.
  Line line;
  line.kind = "too-long";
  const std::string head = R"({"jsonrpc":"2.0","id":1,"method":"ping","params":{"pad":")";
  line.text = head + std::string(options_.max_line_bytes + 1 - head.size() - 3, 'x') + "\"}}";
  return line;
}

std::vector<Line> LineFactory::step() {
  const std::uint64_t roll = choices_.below(1000);
  if (roll < 140) {
    return {validCall()};
  }
  if (roll < 380) {
    return {mutatedCall()};
  }
  if (roll < 460) {
    return {oddId()};
  }
  if (roll < 580) {
    return {byteFlip()};
  }
  if (roll < 650) {
    return {truncated()};
  }
  if (roll < 700) {
    return {crlf()};
  }
  if (roll < 770) {
    return cancel();
  }
  if (roll < 860) {
    return {otherMethod()};
  }
  if (roll < 890) {
    return {notificationOrResponse()};
  }
  if (roll < 940) {
    return {batch()};
  }
  if (roll < 999) {
    return {deep()};
  }
  return {huge()};
}

}  // namespace nba::fuzz
