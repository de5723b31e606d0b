// Issue 17's findings, each a regression test against a real server over pipes:
// deep nesting, broken cancellations, wrong completion types, id-less invalid
// requests, raw NUL bytes, ids echoed as written, and user text echoed safely.
#include <doctest/doctest.h>

#include <string>

#include "support/injection.h"
#include "support/server_harness.h"
#include "support/test_tools.h"

using nba::testing::kInjection;
using nba::testing::registerTestTools;
using nba::testing::ServerHarness;
using nlohmann::json;

namespace {

// `depth` nested arrays around 0: [[[0]]].
std::string nestedArrays(std::size_t depth) {
  return std::string(depth, '[') + "0" + std::string(depth, ']');
}

// `depth` nested objects: {"a":{"a":…{"a":0}…}}.
std::string nestedObjects(std::size_t depth) {
  std::string text;
  text.reserve(depth * 5 + depth + 1);
  for (std::size_t i = 0; i < depth; ++i) text += R"({"a":)";
  text += "0";
  text += std::string(depth, '}');
  return text;
}

nba::mcp::ServerOptions bigLines() {
  auto options = ServerHarness::defaultOptions();
  options.max_line_bytes = std::size_t{8} * 1024 * 1024;  // room for a million levels
  return options;
}

std::string messageOf(const json& reply) { return reply["error"]["message"].get<std::string>(); }

void checkTooDeep(const json& reply) {
  CHECK(reply["error"]["code"] == -32600);
  CHECK(messageOf(reply).find("deeper than 64 levels") != std::string::npos);
}

// A ping answered proves the server still runs and still serves.
void checkStillServing(ServerHarness& h, int id) {
  json pong = h.call("ping", nullptr, id);
  CHECK(pong["id"] == id);
  CHECK(pong["result"] == json::object());
}

// Stricter: the very next line is the ping's reply, so nothing sent before it was answered.
void checkNothingAnsweredBeforePing(ServerHarness& h, int id) {
  h.sendLine(R"({"jsonrpc":"2.0","id":)" + std::to_string(id) + R"(,"method":"ping"})");
  json next = h.receive();
  CHECK(next["id"] == id);
  CHECK(next["result"] == json::object());
}

bool hasInjection(const std::string& text) {
  return text.find('\n') != std::string::npos || nba::testing::hasInjectedMarkup(text);
}

}  // namespace

TEST_CASE("deep nesting anywhere in a message is refused by id, and the server keeps serving") {
  ServerHarness h(registerTestTools, bigLines());
  h.initialize();
  int id = 100;
  for (std::size_t depth : {1000u, 10000u, 100000u, 1000000u}) {
    CAPTURE(depth);
    // In params.
    h.sendLine(R"({"jsonrpc":"2.0","id":)" + std::to_string(++id) +
               R"(,"method":"ping","params":{"x":)" + nestedArrays(depth) + "}}");
    json reply = h.receive();
    checkTooDeep(reply);
    CHECK(reply["id"] == id);
    // In a tool's arguments, objects this time.
    h.sendLine(R"({"jsonrpc":"2.0","id":)" + std::to_string(++id) +
               R"(,"method":"tools/call","params":{"name":"test_echo","arguments":{"text":)" +
               nestedObjects(depth) + "}}}");
    reply = h.receive();
    checkTooDeep(reply);
    CHECK(reply["id"] == id);
    // In _meta.
    h.sendLine(R"({"jsonrpc":"2.0","method":"tools/list","params":{"_meta":{"deep":)" +
               nestedArrays(depth) + R"(}},"id":)" + std::to_string(++id) + "}");
    reply = h.receive();
    checkTooDeep(reply);
    CHECK(reply["id"] == id);
    // As the id itself: no id can be read, so none is echoed (2025-11-25 omits it).
    h.sendLine(R"({"jsonrpc":"2.0","method":"ping","id":)" + nestedArrays(depth) + "}");
    reply = h.receive();
    checkTooDeep(reply);
    CHECK_FALSE(reply.contains("id"));
    checkStillServing(h, ++id);
  }
}

TEST_CASE("a deep batch (2025-03-26) is refused whole; a shallow one still works") {
  ServerHarness h(registerTestTools, bigLines());
  h.initialize("2025-03-26");
  for (std::size_t depth : {1000u, 10000u, 100000u, 1000000u}) {
    CAPTURE(depth);
    h.sendLine(R"([{"jsonrpc":"2.0","id":1,"method":"ping","params":{"x":)" + nestedArrays(depth) +
               R"(}},{"jsonrpc":"2.0","id":2,"method":"ping"}])");
    json reply = h.receive();
    checkTooDeep(reply);
    CHECK(reply["id"].is_null());  // 2025-03-26 still writes id: null
    h.sendLine("[" + nestedArrays(depth) + "]");
    checkTooDeep(h.receive());
  }
  h.sendLine(
      R"([{"jsonrpc":"2.0","id":-0,"method":"ping"},{"jsonrpc":"2.0","id":"\u0041","method":"ping"}])");
  auto line = h.receiveLine();
  REQUIRE(line);
  // Each element's id comes back exactly as that element wrote it.
  CHECK(line->find(R"("id":-0,)") != std::string::npos);
  CHECK(line->find(R"("id":"\u0041",)") != std::string::npos);
}

TEST_CASE("nesting at the limit is served; one level more is refused") {
  ServerHarness h(registerTestTools);
  h.initialize();
  // The envelope and params take 2 levels; "x" holds the rest.
  h.sendLine(R"({"jsonrpc":"2.0","id":1,"method":"ping","params":{"x":)" + nestedArrays(62) + "}}");
  CHECK(h.receive()["result"] == json::object());
  h.sendLine(R"({"jsonrpc":"2.0","id":2,"method":"ping","params":{"x":)" + nestedArrays(63) + "}}");
  checkTooDeep(h.receive());
}

TEST_CASE("notifications/cancelled without a usable requestId is ignored, never fatal") {
  ServerHarness h(registerTestTools);
  h.initialize();
  for (std::string params :
       {"", R"(,"params":{})", R"(,"params":{"reason":"x"})", R"(,"params":{"requestId":null})",
        R"(,"params":{"requestId":{}})", R"(,"params":{"requestId":[1]})",
        R"(,"params":{"requestId":1.5})", R"(,"params":{"requestId":true})",
        R"(,"params":{"requestId":999})", R"(,"params":{"requestId":"nobody"})"}) {
    h.sendLine(R"({"jsonrpc":"2.0","method":"notifications/cancelled")" + params + "}");
  }
  checkNothingAnsweredBeforePing(h, 1);
}

TEST_CASE("a cancellation names the request by value, whatever escapes its id was written with") {
  ServerHarness h(registerTestTools);
  h.initialize();
  h.sendLine(
      R"({"jsonrpc":"2.0","id":"\u0041","method":"tools/call","params":{"name":"test_slow","arguments":{"ms":5000}}})");
  h.sendLine(R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":"A"}})");
  checkStillServing(h, 2);
  CHECK_FALSE(h.receiveLine(std::chrono::milliseconds(300)).has_value());  // no reply to "A"
}

TEST_CASE("a cancellation finds a request whose integer id is beyond 64 bits (blind audit)") {
  // Such an id parses as a double; the request is kept under its digits, and the
  // cancellation's requestId has to be read from its text the same way.
  for (std::string id :
       {"18446744073709551616", "123456789012345678901234567890", "-9223372036854775809"}) {
    CAPTURE(id);
    ServerHarness h(registerTestTools);
    h.initialize();
    h.sendLine(R"({"jsonrpc":"2.0","id":)" + id +
               R"(,"method":"tools/call","params":{"name":"test_slow","arguments":{"ms":600}}})");
    h.sendLine(R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":)" +
               id + "}}");
    checkStillServing(h, 2);
    // Uncancelled, the call would answer within 600 ms.
    CHECK_FALSE(h.receiveLine(std::chrono::milliseconds(1500)).has_value());
  }
}

TEST_CASE("a line that does not parse is answered by its id when the text shows one") {
  // A client's request must not wait forever because one number or quote was wrong
  // (blind protocol audit): the error carries the id that the text shows.
  ServerHarness h(registerTestTools);
  h.initialize();
  // Valid JSON, but 1e400 is beyond a double: invalid params, by id.
  h.sendLine(R"({"jsonrpc":"2.0","id":38,"method":"ping","params":{"limit":1e400}})");
  json reply = h.receive();
  CHECK(reply["id"] == 38);
  CHECK(reply["error"]["code"] == -32602);
  CHECK(messageOf(reply).find("beyond the range of a double") != std::string::npos);
  // Invalid JSON after a readable id: a parse error, still by id.
  h.sendLine(R"({"jsonrpc":"2.0","id":"q-7","method":"ping","params":{"a":"unterminated)");
  reply = h.receive();
  CHECK(reply["id"] == "q-7");
  CHECK(reply["error"]["code"] == -32700);
  // No id to read: none is echoed (2025-11-25 leaves it out).
  h.sendLine("garbage");
  reply = h.receive();
  CHECK(reply["error"]["code"] == -32700);
  CHECK_FALSE(reply.contains("id"));
  checkStillServing(h, 2);
}

TEST_CASE("a notification refused unparsed (too deep, a number beyond a double) gets no reply") {
  // No notification may be answered, even an invalid one (MCP basic §Notifications).
  ServerHarness h(registerTestTools);
  h.initialize();
  h.sendLine(R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":)" +
             nestedArrays(70) + "}}");
  h.sendLine(R"({"jsonrpc":"2.0","method":"notifications/progress","params":{"progress":1e400}})");
  checkNothingAnsweredBeforePing(h, 3);
}

TEST_CASE("a method name and a parse error's quote are echoed cut and cleaned (blind audit)") {
  ServerHarness h(registerTestTools, bigLines());
  h.initialize();
  // A 4 MB method name came back whole in "Method not found"; a line break and a
  // right-to-left override came back as they were.
  h.sendLine(R"({"jsonrpc":"2.0","id":9,"method":")" + std::string(4'000'000, 'm') + R"("})");
  json reply = h.receive();
  CHECK(reply["error"]["code"] == -32601);
  CHECK(messageOf(reply).size() < 400);
  h.sendLine(R"({"jsonrpc":"2.0","id":10,"method":"x\u202eevil\nline2"})");
  reply = h.receive();
  CHECK(reply["error"]["code"] == -32601);
  CHECK(messageOf(reply) == "Method not found: xevil line2");
  // nlohmann quotes what it last read: a 4 MB number was quoted whole.
  h.sendLine(R"({"jsonrpc":"2.0","id":11,"method":"ping","params":{"n":1)" +
             std::string(4'000'000, '0') + "}}");
  reply = h.receive();
  CHECK(reply["id"] == 11);
  CHECK(messageOf(reply).size() < 400);
  checkStillServing(h, 12);
}

TEST_CASE("completion/complete fields of the wrong type are invalid params naming the field") {
  ServerHarness h(registerTestTools);
  h.initialize();
  const json good_ref = {{"type", "ref/prompt"}, {"name", "test_prompt"}};
  const json good_argument = {{"name", "player"}, {"value", "x"}};
  struct Case {
    const char* field;
    json ref;
    json argument;
  };
  const Case cases[] = {
      {"ref.type", {{"type", 5}, {"name", "test_prompt"}}, good_argument},
      {"ref.name", {{"type", "ref/prompt"}, {"name", json::array()}}, good_argument},
      {"ref.uri", {{"type", "ref/resource"}, {"uri", 7}}, good_argument},
      {"argument.name", good_ref, {{"name", json::object()}, {"value", "x"}}},
      {"argument.value", good_ref, {{"name", "player"}, {"value", false}}},
  };
  int id = 10;
  for (const auto& c : cases) {
    CAPTURE(c.field);
    json reply = h.call("completion/complete", {{"ref", c.ref}, {"argument", c.argument}}, ++id);
    CHECK(reply["error"]["code"] == -32602);
    CHECK(messageOf(reply).find(std::string(c.field) + " must be a string") != std::string::npos);
  }
  CHECK(h.call("completion/complete", {{"ref", 5}, {"argument", good_argument}},
               ++id)["error"]["code"] == -32602);
}

TEST_CASE("invalid requests without an id get -32600; broken notifications get nothing") {
  ServerHarness h(registerTestTools);
  h.initialize();  // 2025-11-25: an error whose id is unknown omits it
  for (std::string line : {R"({"foo":"boo"})", R"({"jsonrpc":"2.0","method":5})",
                           R"({"jsonrpc":"2.0"})", R"({"jsonrpc":"2.0","result":{}})"}) {
    CAPTURE(line);
    h.sendLine(line);
    json reply = h.receive();
    CHECK(reply["error"]["code"] == -32600);
    CHECK_FALSE(reply.contains("id"));
  }
  // A notification with broken params, or an old jsonrpc: not answered.
  h.sendLine(R"({"jsonrpc":"2.0","method":"notifications/x","params":[1]})");
  h.sendLine(R"({"jsonrpc":"1.0","method":"notifications/x"})");
  checkStillServing(h, 3);
}

TEST_CASE("invalid requests without an id carry id null before 2025-11-25") {
  ServerHarness h(registerTestTools);
  h.initialize("2025-06-18");
  h.sendLine(R"({"foo":"boo"})");
  json reply = h.receive();
  CHECK(reply["error"]["code"] == -32600);
  CHECK(reply.contains("id"));
  CHECK(reply["id"].is_null());
}

TEST_CASE("a raw NUL byte is a parse error, not the end of the message") {
  ServerHarness h(registerTestTools);
  h.initialize();
  h.sendLine(std::string(R"({"jsonrpc":"2.0","id":1,"method":"ping"})") + '\0' + "garbage");
  json reply = h.receive();
  CHECK(reply["error"]["code"] == -32700);
  CHECK(messageOf(reply).find("NUL") != std::string::npos);
  h.sendLine(std::string(R"({"jsonrpc":"2.0","id":2,"method":"ping","x":"a)") + '\0' + "b\"}");
  CHECK(h.receive()["error"]["code"] == -32700);
  checkStillServing(h, 3);
}

TEST_CASE("ids are echoed byte for byte as the client wrote them") {
  ServerHarness h(registerTestTools);
  h.initialize();
  for (std::string id : {"-0", R"("\u0041")", R"("a\/b")", R"("\ud83c\udfc0")", "0", "-7"}) {
    CAPTURE(id);
    h.sendLine(R"({"jsonrpc":"2.0","method":"ping","id":)" + id + "}");
    CHECK(*h.receiveLine() == R"({"jsonrpc":"2.0","id":)" + id + R"(,"result":{}})");
  }
  // A repeated key: the parser keeps the last, and so does the echo.
  h.sendLine(R"({"jsonrpc":"2.0","id":1,"method":"ping","id":2})");
  CHECK(*h.receiveLine() == R"({"jsonrpc":"2.0","id":2,"result":{}})");
}

TEST_CASE("user text in protocol errors cannot inject markdown, HTML or bidi controls") {
  ServerHarness h(registerTestTools);
  h.initialize();
  json unknown_tool = h.call("tools/call", {{"name", kInjection}}, 1);
  CHECK(unknown_tool["error"]["code"] == -32602);
  CHECK_FALSE(hasInjection(messageOf(unknown_tool)));
  CHECK(messageOf(unknown_tool).find("\\| fake \\| row \\|") != std::string::npos);
  json unknown_prompt = h.call("prompts/get", {{"name", kInjection}}, 2);
  CHECK_FALSE(hasInjection(messageOf(unknown_prompt)));
  json bad_prompt_arg =
      h.call("prompts/get", {{"name", "test_prompt"}, {"arguments", {{kInjection, 5}}}}, 3);
  CHECK(bad_prompt_arg["error"]["code"] == -32602);
  CHECK_FALSE(hasInjection(messageOf(bad_prompt_arg)));
  json no_resource = h.call("resources/read", {{"uri", "nba://" + kInjection}}, 4);
  CHECK_FALSE(hasInjection(messageOf(no_resource)));
  json bad_ref = h.call(
      "completion/complete",
      {{"ref", {{"type", "ref/prompt"}, {"name", kInjection}}}, {"argument", {{"name", "a"}}}}, 5);
  CHECK_FALSE(hasInjection(messageOf(bad_ref)));
  // Schema errors name the client's keys and values: safely too.
  json bad_args =
      h.call("tools/call", {{"name", "test_echo"}, {"arguments", {{kInjection, kInjection}}}}, 6);
  std::string text = bad_args["result"]["content"][0]["text"];
  CHECK(bad_args["result"]["isError"] == true);
  CHECK_FALSE(hasInjection(text));
}
