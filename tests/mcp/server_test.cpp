#include <doctest/doctest.h>

#include <set>

#include "support/server_harness.h"
#include "support/test_tools.h"

using nba::testing::modernParams;
using nba::testing::registerTestTools;
using nba::testing::ServerHarness;
using nlohmann::json;

namespace {

json callTool(ServerHarness& h, const std::string& name, const json& args, const json& id = 1) {
  return h.call("tools/call", {{"name", name}, {"arguments", args}}, id);
}

}  // namespace

TEST_CASE("initialize negotiates each handshake version and falls back to the newest") {
  for (std::string version : {"2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25"}) {
    ServerHarness h(registerTestTools);
    json reply = h.initialize(version);
    CHECK(reply["result"]["protocolVersion"] == version);
    CHECK(reply["result"]["serverInfo"]["name"] == "nba-mcp-test");
    CHECK(reply["result"]["instructions"] == "test server");
    CHECK(reply["result"]["serverInfo"].contains("title") == (version >= "2025-06-18"));
  }
  for (std::string asked : {"2026-07-28", "1999-01-01", "2025-12-01"}) {
    ServerHarness h(registerTestTools);
    CHECK(h.initialize(asked)["result"]["protocolVersion"] == "2025-11-25");
  }
}

TEST_CASE("lifecycle errors: before initialize, twice, malformed") {
  ServerHarness h(registerTestTools);
  CHECK(h.call("ping", nullptr)["result"] == json::object());  // ping is always fine
  json early = h.call("tools/list", json::object());
  CHECK(early["error"]["code"] == -32602);
  CHECK(early["error"]["message"].get<std::string>().find("not initialized") != std::string::npos);
  CHECK(h.call("initialize", {{"capabilities", json::object()}})["error"]["code"] == -32602);
  h.initialize("2025-06-18");
  json again = h.call("initialize", {{"protocolVersion", "2025-06-18"}}, 2);
  CHECK(again["error"]["code"] == -32600);
  CHECK(h.call("tools/list", json::object(), 3)["result"]["tools"].size() == 2);
}

TEST_CASE("protocol errors map to the JSON-RPC codes") {
  ServerHarness h(registerTestTools);
  h.initialize("2025-06-18");
  CHECK(h.call("no/such/method", json::object())["error"]["code"] == -32601);
  CHECK(h.call("tools/call", json::object())["error"]["code"] == -32602);
  json unknown = h.call("tools/call", {{"name", "nope"}});
  CHECK(unknown["error"]["code"] == -32602);
  CHECK(unknown["error"]["message"].get<std::string>().find("test_echo") != std::string::npos);
  CHECK(h.call("tools/call", {{"name", "test_echo"}, {"arguments", "x"}})["error"]["code"] ==
        -32602);
  CHECK(h.call("subscriptions/listen", json::object())["error"]["code"] == -32601);
  h.sendLine(R"({"jsonrpc":"2.0","id":5,"method":"ping","params":[1]})");
  CHECK(h.receive()["error"]["code"] == -32602);
}

TEST_CASE("bad tool arguments are isError results naming the path") {
  ServerHarness h(registerTestTools);
  h.initialize();
  json wrong_type = callTool(h, "test_echo", {{"text", 5}});
  CHECK(wrong_type["result"]["isError"] == true);
  CHECK(wrong_type["result"]["content"][0]["text"] ==
        "Invalid arguments for test_echo: text: expected string, got integer 5");
  CHECK_FALSE(wrong_type["result"].contains("structuredContent"));
  json extra = callTool(h, "test_echo", {{"text", "a"}, {"colour", "red"}});
  CHECK(extra["result"]["content"][0]["text"].get<std::string>().find("colour: is not a known") !=
        std::string::npos);
  json nested = callTool(h, "test_echo", {{"text", "a"}, {"tags", {"x", 1}}});
  CHECK(nested["result"]["content"][0]["text"].get<std::string>().find("tags[1]") !=
        std::string::npos);
  json ok = callTool(h, "test_echo", {{"text", "ab"}, {"times", 2}});
  CHECK(ok["result"]["structuredContent"]["echo"] == "abab");
  CHECK(ok["result"]["_meta"]["dev.nbamcp/source"] == "test");
}

TEST_CASE("arguments one tool accepted are still checked against another tool's schema") {
  // Accepted argument sets are remembered per tool: a set that passed test_echo's schema
  // (text: string) must still fail a tool whose schema wants text to be an integer.
  const auto add_count_tool = [](nba::mcp::McpServer& server) {
    nba::mcp::ToolDefinition tool;
    tool.name = "test_count";
    tool.description = "Counts";
    tool.input_schema = {{"type", "object"},
                         {"properties", {{"text", {{"type", "integer"}}}}},
                         {"additionalProperties", false}};
    tool.handler = [](const json&, nba::mcp::ToolContext&) { return nba::mcp::ToolResult{}; };
    (void)server.addTool(std::move(tool));
  };
  ServerHarness h([&](nba::mcp::McpServer& server) {
    registerTestTools(server);
    add_count_tool(server);
  });
  h.initialize();
  for (int round = 0; round < 2; ++round) {  // the second round meets remembered verdicts
    CAPTURE(round);
    json echo = callTool(h, "test_echo", {{"text", "ab"}});
    CHECK(echo["result"]["structuredContent"]["echo"] == "ab");
    json count = callTool(h, "test_count", {{"text", "ab"}});
    CHECK(count["result"]["isError"] == true);
    CHECK(count["result"]["content"][0]["text"] ==
          "Invalid arguments for test_count: text: expected integer, got string \"ab\"");
    json wrong = callTool(h, "test_echo", {{"text", 5}});
    CHECK(wrong["result"]["isError"] == true);
  }
}

TEST_CASE("a throwing tool is an isError result and the server keeps serving") {
  ServerHarness h(registerTestTools);
  h.initialize();
  json thrown = callTool(h, "test_throw", json::object());
  CHECK(thrown["result"]["isError"] == true);
  CHECK(thrown["result"]["content"][0]["text"].get<std::string>().find("boom") !=
        std::string::npos);
  CHECK(h.call("ping", nullptr, 2)["result"] == json::object());
}

TEST_CASE("stateless 2026-07-28 requests") {
  ServerHarness h(registerTestTools);
  json discover = h.call("server/discover", modernParams());
  CHECK(discover["result"]["supportedVersions"][0] == "2026-07-28");
  CHECK(discover["result"]["resultType"] == "complete");
  CHECK(discover["result"]["ttlMs"] == 3600000);
  CHECK(discover["result"]["cacheScope"] == "public");
  CHECK(discover["result"]["_meta"]["io.modelcontextprotocol/serverInfo"]["name"] ==
        "nba-mcp-test");
  CHECK_FALSE(discover["result"]["capabilities"].contains("logging"));

  json list = h.call("tools/list", modernParams(), 2);
  CHECK(list["result"]["resultType"] == "complete");
  CHECK(list["result"].contains("ttlMs"));
  json call = h.call("tools/call",
                     modernParams({{"name", "test_echo"}, {"arguments", {{"text", "x"}}}}), 3);
  CHECK(call["result"]["structuredContent"]["echo"] == "x");
  CHECK(call["result"]["resultType"] == "complete");

  json params = {{"_meta", {{"io.modelcontextprotocol/protocolVersion", "2026-07-28"}}}};
  CHECK(h.call("tools/list", params, 4)["error"]["code"] == -32602);
  params["_meta"]["io.modelcontextprotocol/protocolVersion"] = "2031-01-01";
  params["_meta"]["io.modelcontextprotocol/clientCapabilities"] = json::object();
  json unsupported = h.call("tools/list", params, 5);
  CHECK(unsupported["error"]["code"] == -32022);
  CHECK(unsupported["error"]["data"]["requested"] == "2031-01-01");
  CHECK(unsupported["error"]["data"]["supported"].size() == 5);
  params["_meta"]["io.modelcontextprotocol/protocolVersion"] = "2025-06-18";
  CHECK(h.call("tools/list", params, 6)["error"]["code"] == -32022);
  CHECK(h.call("ping", modernParams(), 7)["error"]["code"] == -32601);
  CHECK(h.call("logging/setLevel", modernParams({{"level", "info"}}), 8)["error"]["code"] ==
        -32601);
}

TEST_CASE("unreadable ids: null before 2025-11-25, omitted from it") {
  {
    ServerHarness h(registerTestTools);
    h.initialize("2025-06-18");
    h.sendLine("{not json");
    json reply = h.receive();
    CHECK(reply["error"]["code"] == -32700);
    CHECK(reply.contains("id"));
    CHECK(reply["id"].is_null());
  }
  {
    ServerHarness h(registerTestTools);
    h.initialize("2025-11-25");
    h.sendLine("{not json");
    json reply = h.receive();
    CHECK(reply["error"]["code"] == -32700);
    CHECK_FALSE(reply.contains("id"));
    h.sendLine("\"a string\"");
    CHECK(h.receive()["error"]["code"] == -32600);
    h.sendLine("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"x\":\"\xff\"}");
    CHECK(h.receive()["error"]["code"] == -32700);
    CHECK(h.call("ping", nullptr, 2)["result"] == json::object());
  }
}

TEST_CASE("batches only in 2025-03-26") {
  {
    ServerHarness h(registerTestTools);
    h.initialize("2025-06-18");
    h.sendLine(R"([{"jsonrpc":"2.0","id":1,"method":"ping"}])");
    json reply = h.receive();
    CHECK(reply["error"]["code"] == -32600);
  }
  ServerHarness h(registerTestTools);
  h.initialize("2025-03-26");
  h.sendLine(
      R"([{"jsonrpc":"2.0","id":1,"method":"ping"},)"
      R"({"jsonrpc":"2.0","method":"notifications/x"},)"
      R"({"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"test_echo","arguments":{"text":"b"}}},)"
      R"(7,)"
      R"({"jsonrpc":"2.0","id":3,"method":"initialize","params":{"protocolVersion":"2025-03-26"}}])");
  json reply = h.receive();
  REQUIRE(reply.is_array());
  CHECK(reply.size() == 4);
  std::set<std::string> seen;
  for (const auto& item : reply) {
    seen.insert(item.contains("id") ? item["id"].dump() : "none");
  }
  CHECK(seen == std::set<std::string>{"1", "2", "3", "null"});
  h.sendLine(R"([{"jsonrpc":"2.0","method":"notifications/x"}])");
  h.sendLine(R"([])");
  CHECK(h.receive()["error"]["code"] == -32600);  // only the empty batch is answered
}

TEST_CASE("a slow call never blocks ping, and cancellation drops its response") {
  ServerHarness h(registerTestTools);
  h.initialize();
  h.send({{"jsonrpc", "2.0"},
          {"id", "slow"},
          {"method", "tools/call"},
          {"params", {{"name", "test_slow"}, {"arguments", {{"ms", 10000}}}}}});
  auto started = std::chrono::steady_clock::now();
  CHECK(h.call("ping", nullptr, "p")["result"] == json::object());
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));
  h.send({{"jsonrpc", "2.0"},
          {"method", "notifications/cancelled"},
          {"params", {{"requestId", "slow"}, {"reason", "user"}}}});
  // Anything about "slow" would arrive before the answer to a later request that
  // waits for it to finish; none may arrive.
  json stats = h.call("tools/call", {{"name", "test_slow"}, {"arguments", {{"ms", 50}}}}, "after");
  CHECK(stats["result"]["content"][0]["text"] == "slept");
  CHECK(h.closeAndWait());
  while (auto line = h.receiveLine(std::chrono::milliseconds(100))) {
    CHECK(line->find("\"slow\"") == std::string::npos);
  }
}

TEST_CASE("duplicate ids in flight are refused") {
  ServerHarness h(registerTestTools);
  h.initialize();
  json slow = {{"jsonrpc", "2.0"},
               {"id", 42},
               {"method", "tools/call"},
               {"params", {{"name", "test_slow"}, {"arguments", {{"ms", 300}}}}}};
  h.send(slow);
  h.send(slow);
  json first = h.receive();
  CHECK(first["error"]["code"] == -32600);
  CHECK(first["id"] == 42);
  CHECK(h.receive()["result"]["content"][0]["text"] == "slept");
}

TEST_CASE("progress notifications increase and precede the response") {
  ServerHarness h(registerTestTools);
  h.initialize();
  h.send({{"jsonrpc", "2.0"},
          {"id", 1},
          {"method", "tools/call"},
          {"params",
           {{"name", "test_slow"},
            {"arguments", {{"ms", 30}}},
            {"_meta", {{"progressToken", "tok"}}}}}});
  double last = -1;
  int progress_count = 0;
  while (true) {
    json message = h.receive();
    REQUIRE_FALSE(message.is_null());
    if (message.contains("id")) {
      CHECK(message["result"]["content"][0]["text"] == "slept");
      break;
    }
    CHECK(message["method"] == "notifications/progress");
    CHECK(message["params"]["progressToken"] == "tok");
    CHECK(message["params"]["total"] == 30);
    CHECK(message["params"]["progress"].get<double>() > last);
    last = message["params"]["progress"].get<double>();
    ++progress_count;
  }
  CHECK(progress_count >= 2);
}

TEST_CASE("logging/setLevel filters notifications/message") {
  ServerHarness h(registerTestTools);
  h.initialize();
  CHECK(h.call("logging/setLevel", {{"level", "loud"}})["error"]["code"] == -32602);
  CHECK(h.call("logging/setLevel", {{"level", "error"}}, 2)["result"] == json::object());
  h.send({{"jsonrpc", "2.0"},
          {"id", 3},
          {"method", "tools/call"},
          {"params", {{"name", "test_log"}}}});
  json log = h.receive();
  CHECK(log["method"] == "notifications/message");
  CHECK(log["params"]["level"] == "error");
  CHECK(log["params"]["data"] == "an error line");
  CHECK(h.receive()["id"] == 3);

  ServerHarness modern(registerTestTools);
  json params = modernParams({{"name", "test_log"}});
  params["_meta"]["io.modelcontextprotocol/logLevel"] = "info";
  modern.send({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "tools/call"}, {"params", params}});
  CHECK(modern.receive()["params"]["level"] == "info");
  CHECK(modern.receive()["params"]["level"] == "error");
  CHECK(modern.receive()["id"] == 1);
}

TEST_CASE("the server's own warnings reach a session's client at the level it set") {
  ServerHarness h(registerTestTools);
  h.initialize("2025-06-18");
  // No level set yet: nothing is sent.
  h.server().logToClient(nba::mcp::LogLevel::kWarning, "nba-mcp", "before any setLevel");
  CHECK(h.call("logging/setLevel", {{"level", "warning"}}, 2)["result"] == json::object());
  h.server().logToClient(nba::mcp::LogLevel::kInfo, "nba-mcp", "below the level: dropped");
  h.server().logToClient(nba::mcp::LogLevel::kWarning, "nba-mcp",
                         "the NBA.com quota store (cache.db) failed: disk I/O error");
  const json warning = h.receive();
  CHECK(warning["method"] == "notifications/message");
  CHECK(warning["params"]["level"] == "warning");
  CHECK(warning["params"]["logger"] == "nba-mcp");
  CHECK(warning["params"]["data"] == "the NBA.com quota store (cache.db) failed: disk I/O error");
  CHECK(h.call("ping", json::object(), 3)["id"] == 3);  // nothing else came before it
  CHECK(h.closeAndWait());
  h.server().logToClient(nba::mcp::LogLevel::kError, "nba-mcp", "after serving: dropped, no crash");
}

TEST_CASE("lists paginate with opaque cursors") {
  ServerHarness h(registerTestTools);
  h.initialize();
  std::vector<std::string> names;
  json params = json::object();
  for (int page = 0; page < 10; ++page) {
    json reply = h.call("tools/list", params, page);
    for (const auto& tool : reply["result"]["tools"]) {
      names.push_back(tool["name"]);
    }
    if (!reply["result"].contains("nextCursor")) {
      break;
    }
    params = {{"cursor", reply["result"]["nextCursor"]}};
  }
  CHECK(names == std::vector<std::string>{"test_echo", "test_slow", "test_throw", "test_log"});
  CHECK(h.call("tools/list", {{"cursor", "bogus"}}, 99)["error"]["code"] == -32602);
}

TEST_CASE("resources, templates, prompts and completion") {
  ServerHarness h(registerTestTools);
  h.initialize();
  json templates = h.call("resources/templates/list", json::object());
  CHECK(templates["result"]["resourceTemplates"][0]["uriTemplate"] == "test://items/{id}");
  json read = h.call("resources/read", {{"uri", "test://items/7"}}, 2);
  CHECK(read["result"]["contents"][0]["text"] == "item 7");
  CHECK(read["result"]["contents"][0]["mimeType"] == "text/plain");
  CHECK(h.call("resources/read", {{"uri", "test://items/404"}}, 3)["error"]["code"] == -32002);
  CHECK(h.call("resources/read", {{"uri", "test://nothing"}}, 4)["error"]["code"] == -32002);
  CHECK(h.call("resources/read", json::object(), 5)["error"]["code"] == -32602);

  json prompts = h.call("prompts/list", json::object(), 6);
  CHECK(prompts["result"]["prompts"][0]["arguments"][0]["name"] == "player");
  json prompt =
      h.call("prompts/get", {{"name", "test_prompt"}, {"arguments", {{"player", "Luka"}}}}, 7);
  CHECK(prompt["result"]["messages"][0]["content"]["text"] == "Tell me about Luka");
  CHECK(h.call("prompts/get", {{"name", "test_prompt"}}, 8)["error"]["code"] == -32602);
  CHECK(h.call("prompts/get", {{"name", "nope"}}, 9)["error"]["code"] == -32602);
  CHECK(h.call("prompts/get", {{"name", "test_prompt"}, {"arguments", {{"player", "nobody"}}}},
               10)["error"]["code"] == -32602);

  json completion = h.call("completion/complete",
                           {{"ref", {{"type", "ref/prompt"}, {"name", "test_prompt"}}},
                            {"argument", {{"name", "player"}, {"value", "L"}}}},
                           11);
  CHECK(completion["result"]["completion"]["values"] ==
        json::array({"LeBron James", "Luka Doncic"}));
  CHECK(h.call("completion/complete",
               {{"ref", {{"type", "ref/prompt"}, {"name", "zzz"}}},
                {"argument", {{"name", "player"}, {"value", ""}}}},
               12)["error"]["code"] == -32602);

  ServerHarness modern(registerTestTools);
  json missing = modern.call("resources/read", modernParams({{"uri", "test://items/404"}}));
  CHECK(missing["error"]["code"] == -32602);
  json cached = modern.call("resources/read", modernParams({{"uri", "test://items/1"}}), 2);
  CHECK(cached["result"]["ttlMs"] == 1234);
}

TEST_CASE("subscriptions/listen is acknowledged and closed with a result at shutdown") {
  ServerHarness h(registerTestTools);
  h.send({{"jsonrpc", "2.0"},
          {"id", "sub"},
          {"method", "subscriptions/listen"},
          {"params", modernParams({{"notifications", {{"toolsListChanged", true}}}})}});
  json ack = h.receive();
  CHECK(ack["method"] == "notifications/subscriptions/acknowledged");
  CHECK(ack["params"]["_meta"]["io.modelcontextprotocol/subscriptionId"] == "sub");
  CHECK(h.call("server/discover", modernParams(), 2)["result"]["resultType"] == "complete");
  CHECK(h.closeAndWait());
  json closing = h.receive();
  CHECK(closing["id"] == "sub");
  CHECK(closing["result"]["_meta"]["io.modelcontextprotocol/subscriptionId"] == "sub");
}

TEST_CASE("framing: long lines, CRLF, blank lines, notifications and client responses") {
  ServerHarness h(registerTestTools);
  h.initialize();
  h.sendLine(std::string(200 * 1024, 'x'));
  json too_long = h.receive();
  CHECK(too_long["error"]["code"] == -32600);
  CHECK(too_long["error"]["message"].get<std::string>().find("65536") != std::string::npos);
  h.sendLine("");
  h.sendLine("   ");
  h.sendLine(R"({"jsonrpc":"2.0","method":"notifications/whatever"})");
  h.sendLine(R"({"jsonrpc":"2.0","id":77,"result":{}})");
  h.sendLine("{\"jsonrpc\":\"2.0\",\"id\":\"crlf\",\"method\":\"ping\"}\r");
  json reply = h.receive();
  CHECK(reply["id"] == "crlf");
}

TEST_CASE("stdin EOF finishes requests in flight, then serve returns") {
  ServerHarness h(registerTestTools);
  h.initialize();
  h.send({{"jsonrpc", "2.0"},
          {"id", "last"},
          {"method", "tools/call"},
          {"params", {{"name", "test_slow"}, {"arguments", {{"ms", 100}}}}}});
  CHECK(h.closeAndWait());
  json reply = h.receive();
  CHECK(reply["id"] == "last");
  CHECK(reply["result"]["content"][0]["text"] == "slept");
}

TEST_CASE("counters count what happened") {
  ServerHarness h(registerTestTools);
  h.initialize("2025-06-18");
  (void)callTool(h, "test_echo", {{"text", 5}}, 2);
  (void)h.call("nope", json::object(), 3);
  auto counters = h.server().counters();
  CHECK(counters.requests == 3);
  CHECK(counters.notifications == 1);
  CHECK(counters.tool_calls == 1);
  CHECK(counters.tool_errors == 1);
  CHECK(counters.protocol_errors == 1);
  CHECK(counters.negotiated_version == "2025-06-18");
}

TEST_CASE("the counters are the series of the registry the server is given") {
  nba::obs::MetricsRegistry registry;
  nba::mcp::ServerOptions options = ServerHarness::defaultOptions();
  options.metrics = &registry;
  ServerHarness h(registerTestTools, options);
  h.initialize("2025-06-18");
  (void)callTool(h, "test_echo", {{"text", "hi"}}, 2);
  (void)callTool(h, "test_echo", {{"text", 5}}, 3);
  h.sendLine("{not json");
  CHECK(h.receive()["error"]["code"] == -32700);
  h.send({{"jsonrpc", "2.0"},
          {"method", "notifications/cancelled"},
          {"params", {{"requestId", 99}}}});  // nothing in flight: nothing cancelled
  CHECK(callTool(h, "test_echo", {{"text", "x"}}, 4)["result"]["isError"] != true);
  const std::string text = registry.renderPrometheus();
  INFO(text);
  const auto has = [&text](const std::string& line) {
    return text.find(line + "\n") != std::string::npos;
  };
  CHECK(has("nba_mcp_jsonrpc_requests_total 4"));
  CHECK(has("nba_mcp_jsonrpc_notifications_total 2"));
  CHECK(has("nba_mcp_jsonrpc_messages_total 7"));
  CHECK(has("nba_mcp_jsonrpc_errors_total 1"));
  CHECK(has(R"(nba_mcp_jsonrpc_tool_calls_total{is_error="false"} 2)"));
  CHECK(has(R"(nba_mcp_jsonrpc_tool_calls_total{is_error="true"} 1)"));
  CHECK(has("nba_mcp_cancelled_requests_total 0"));
  CHECK(has("nba_mcp_active_requests 0"));
  const auto counters = h.server().counters();
  CHECK(counters.requests == 4);
  CHECK(counters.messages == 7);
  CHECK(counters.tool_calls == 3);
  CHECK(counters.tool_errors == 1);
  CHECK(counters.protocol_errors == 1);
  CHECK(counters.in_flight == 0);
}
