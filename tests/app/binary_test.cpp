// End-to-end tests of the real nba-mcp binary over pipes: framing, bad input,
// shutdown, and the command line.
#include <doctest/doctest.h>
#include <signal.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "support/subprocess.h"

using nba::testing::runCommand;
using nba::testing::Subprocess;
using nlohmann::json;

// gcc defines __SANITIZE_ADDRESS__; clang 14 only answers __has_feature.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
constexpr bool kAddressSanitizer = __has_feature(address_sanitizer);
#else
constexpr bool kAddressSanitizer = false;
#endif

namespace {

const std::string kBinary = NBA_MCP_BINARY;

std::string initializeLine(const std::string& version = "2025-11-25") {
  return json({{"jsonrpc", "2.0"},
               {"id", 0},
               {"method", "initialize"},
               {"params",
                {{"protocolVersion", version},
                 {"capabilities", json::object()},
                 {"clientInfo", {{"name", "binary-test"}, {"version", "1"}}}}}})
      .dump();
}

std::string pingLine(const json& id) {
  return json({{"jsonrpc", "2.0"}, {"id", id}, {"method", "ping"}}).dump();
}

std::string statsCallLine(const json& id) {
  return json({{"jsonrpc", "2.0"},
               {"id", id},
               {"method", "tools/call"},
               {"params", {{"name", "get_server_stats"}, {"arguments", json::object()}}}})
      .dump();
}

}  // namespace

TEST_CASE("binary: handshake, a tool call, and exit 0 on stdin EOF") {
  Subprocess server({kBinary});
  server.writeLine(initializeLine());
  json init = server.readJson();
  CHECK(init["result"]["protocolVersion"] == "2025-11-25");
  CHECK(init["result"]["serverInfo"]["name"] == "nba-mcp");
  CHECK(init["result"]["serverInfo"]["title"] == "NBA Stats");
  CHECK(init["result"]["instructions"].get<std::string>().find("NBA") != std::string::npos);
  server.writeLine(R"({"jsonrpc":"2.0","method":"notifications/initialized"})");
  server.writeLine(statsCallLine(1));
  json stats = server.readJson();
  CHECK(stats["result"]["structuredContent"]["server"]["name"] == "nba-mcp");
  CHECK(stats["result"]["structuredContent"]["requests"]["requests"] == 2);
  CHECK(stats["result"]["structuredContent"]["protocol"]["negotiated_version"] == "2025-11-25");
  server.closeStdin();
  CHECK(server.wait() == 0);
}

TEST_CASE("binary: every id kind is echoed exactly") {
  Subprocess server({kBinary});
  server.writeLine(initializeLine());
  (void)server.readLine();
  for (std::string id : {"\"s\"", "0", "-1", "9007199254740993", "18446744073709551615",
                         "340282366920938463463374607431768211456"}) {
    server.writeLine(R"({"jsonrpc":"2.0","method":"ping","id":)" + id + "}");
    CHECK(*server.readLine() == R"({"jsonrpc":"2.0","id":)" + id + R"(,"result":{}})");
  }
}

TEST_CASE("binary: bad input never stops the server") {
  Subprocess server({kBinary});
  server.writeLine(initializeLine("2025-06-18"));
  (void)server.readLine();
  server.writeLine("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"x\":\"\xc3\x28\"}");
  json bad_utf8 = server.readJson();
  CHECK(bad_utf8["error"]["code"] == -32700);
  CHECK(bad_utf8["id"] == 1);  // the id the text shows, so the request does not wait forever
  server.writeLine("{\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"x\":\"\xc3\x28\"}");
  CHECK(server.readJson()["id"].is_null());  // none shown: 2025-06-18 still writes id: null
  server.writeLine("[1,2");
  CHECK(server.readJson()["error"]["code"] == -32700);
  server.writeLine("null");
  CHECK(server.readJson()["error"]["code"] == -32600);
  server.writeLine(
      R"({"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"get_server_stats","arguments":{"limit":"x"}}})");
  json bad_args = server.readJson();
  CHECK(bad_args["result"]["isError"] == true);
  CHECK(bad_args["result"]["content"][0]["text"].get<std::string>().find("limit") !=
        std::string::npos);
  server.writeLine(pingLine(3));
  CHECK(server.readJson()["id"] == 3);
}

TEST_CASE("binary: a 10 MB line is rejected with bounded memory and the next line is served") {
  Subprocess server({kBinary});
  server.writeLine(initializeLine());
  (void)server.readLine();
  std::thread writer([&] {
    std::string chunk(1024 * 1024, 'a');
    server.write("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"x\":\"");
    for (int i = 0; i < 10; ++i) {
      server.write(chunk);
    }
    server.writeLine("\"}}");
    server.writeLine(pingLine("after"));
  });
  json rejected = server.readJson(std::chrono::seconds(20));
  writer.join();
  CHECK(rejected["error"]["code"] == -32600);
  CHECK(rejected["error"]["message"].get<std::string>().find("exceeds") != std::string::npos);
  CHECK(server.readJson()["id"] == "after");
  // ASan's shadow memory and quarantine dwarf the figure (118 MiB under clang's).
  if (!kAddressSanitizer) {
    CHECK(server.rssKib() < 48 * 1024);
  }
}

TEST_CASE("binary: one deeply nested line cannot crash the server (issue 17)") {
  // Before the nesting limit, 100,000 levels in a tool's arguments killed the release
  // binary with SIGSEGV, and a 2025-03-26 batch did the same on the main thread.
  Subprocess server({kBinary});
  server.writeLine(initializeLine("2025-03-26"));
  (void)server.readLine();
  const std::string deep = std::string(1000000, '[') + std::string(1000000, ']');
  std::thread writer([&] {
    server.writeLine(
        R"({"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"get_server_stats","arguments":{"x":)" +
        deep + "}}}");
    server.writeLine(R"([{"jsonrpc":"2.0","id":2,"method":"ping","params":{"x":)" + deep + "}}]");
    server.writeLine(R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{}})");
    server.writeLine(R"({"jsonrpc":"2.0","method":"notifications/cancelled"})");
    server.writeLine(pingLine("alive"));
  });
  json deep_call = server.readJson(std::chrono::seconds(20));
  json deep_batch = server.readJson(std::chrono::seconds(20));
  writer.join();
  CHECK(deep_call["id"] == 1);
  CHECK(deep_call["error"]["code"] == -32600);
  CHECK(deep_call["error"]["message"].get<std::string>().find("64 levels") != std::string::npos);
  CHECK(deep_batch["error"]["code"] == -32600);
  CHECK(server.readJson()["id"] == "alive");
  server.closeStdin();
  CHECK(server.wait() == 0);
}

TEST_CASE("binary: 1,000 requests written before reading any reply do not deadlock") {
  Subprocess server({kBinary});
  server.writeLine(initializeLine());
  (void)server.readLine();
  std::string burst;
  for (int i = 0; i < 1000; ++i) {
    burst += (i % 2 == 0 ? statsCallLine(i) : pingLine(i)) + "\n";
  }
  CHECK(server.write(burst));  // ~100 KB: more than a pipe holds
  std::set<int> ids;
  for (int i = 0; i < 1000; ++i) {
    json reply = server.readJson(std::chrono::seconds(20));
    REQUIRE_FALSE(reply.is_null());
    ids.insert(reply["id"].get<int>());
  }
  CHECK(ids.size() == 1000);
  CHECK(*ids.rbegin() == 999);
}

TEST_CASE("binary: stdin closed mid-request answers what it got and exits 0") {
  Subprocess server({kBinary});
  server.writeLine(initializeLine());
  (void)server.readLine();
  server.write(R"({"jsonrpc":"2.0","id":5,"meth)");
  server.closeStdin();
  CHECK(server.readJson()["error"]["code"] == -32700);
  CHECK(server.wait() == 0);
}

TEST_CASE("binary: SIGTERM and SIGINT stop it cleanly with exit 0") {
  for (int signo : {SIGTERM, SIGINT}) {
    Subprocess server({kBinary});
    server.writeLine(initializeLine());
    REQUIRE(server.readLine().has_value());
    server.signal(signo);
    CHECK(server.wait() == 0);
  }
}

TEST_CASE("binary: stdout carries only JSON-RPC even with debug logging") {
  Subprocess server({kBinary, "--log-level", "debug"});
  server.writeLine(initializeLine());
  server.writeLine(pingLine(1));
  server.writeLine("oops");
  server.closeStdin();
  int lines = 0;
  while (auto line = server.readLine()) {
    json message = json::parse(*line);
    CHECK(message["jsonrpc"] == "2.0");
    ++lines;
  }
  CHECK(lines == 3);
  CHECK(server.wait() == 0);
  CHECK(server.stderrText().find("serving MCP on stdio") != std::string::npos);
}

TEST_CASE("cli: tools, call, help and errors") {
  auto [tools_code, tools_out] = runCommand({kBinary, "tools"});
  CHECK(tools_code == 0);
  json tools = json::parse(tools_out);
  bool found = false;
  for (const auto& tool : tools) {
    found = found || (tool["name"] == "get_server_stats" && tool.contains("outputSchema"));
  }
  CHECK(found);

  auto [call_code, call_out] = runCommand({kBinary, "call", "get_server_stats", "{}"});
  CHECK(call_code == 0);
  CHECK(call_out.find("## nba-mcp server stats") == 0);
  auto [json_code, json_out] = runCommand({kBinary, "call", "get_server_stats", "--json"});
  CHECK(json_code == 0);
  CHECK(json::parse(json_out)["structuredContent"]["server"]["name"] == "nba-mcp");

  CHECK(runCommand({kBinary, "call", "no_such_tool", "{}"}).first == 1);
  CHECK(runCommand({kBinary, "call", "get_server_stats", "{\"bad\":1}"}).first == 1);
  CHECK(runCommand({kBinary, "call", "get_server_stats", "not json"}).first == 2);
  CHECK(runCommand({kBinary, "call", "get_server_stats", "[1]"}).first == 2);
  CHECK(runCommand({kBinary, "--no-such-flag"}).first == 2);
  CHECK(runCommand({kBinary, "--workers", "0"}).first == 2);
  CHECK(runCommand({kBinary, "--log-level", "loud", "tools"}).first == 2);
  auto [help_code, help_out] = runCommand({kBinary, "--help"});
  CHECK(help_code == 0);
  CHECK(help_out.find("--text-format") != std::string::npos);
  CHECK(help_out.find("NBA_MCP_TEXT_FORMAT") != std::string::npos);
}

TEST_CASE("configuration: flag > env > config file") {
  std::string config_path = "/tmp/nba-mcp-test-config.toml";
  std::ofstream(config_path) << "text-format = \"json\"\n";
  auto content_blocks = [&](std::vector<std::string> args, std::vector<std::string> env) {
    std::vector<std::string> argv = {kBinary};
    argv.insert(argv.end(), args.begin(), args.end());
    Subprocess server(argv, env);
    server.writeLine(initializeLine());
    (void)server.readLine();
    server.writeLine(statsCallLine(1));
    json reply = server.readJson();
    return reply["result"]["content"];
  };
  json from_file = content_blocks({"--config", config_path}, {});
  CHECK(from_file.size() == 1);
  CHECK(from_file[0]["text"].get<std::string>().front() == '{');
  json from_env = content_blocks({"--config", config_path}, {"NBA_MCP_TEXT_FORMAT=both"});
  CHECK(from_env.size() == 2);
  json from_flag = content_blocks({"--config", config_path, "--text-format", "markdown"},
                                  {"NBA_MCP_TEXT_FORMAT=both"});
  CHECK(from_flag.size() == 1);
  CHECK(from_flag[0]["text"].get<std::string>().find("## nba-mcp") == 0);
  std::remove(config_path.c_str());
}

TEST_CASE("binary: a broken --snapshot fails fast naming the file and line") {
  std::string dir = "/tmp/nba-mcp-bad-snapshot";
  std::filesystem::remove_all(dir);
  std::filesystem::copy(std::string(NBA_MCP_SOURCE_DIR) + "/golden/snapshot", dir);
  {
    std::ofstream teams(dir + "/teams.tsv", std::ios::app);
    teams << "XXX\t1\tonly three fields\n";
  }
  Subprocess broken({kBinary, "--snapshot", dir, "tools"});
  broken.closeStdin();
  CHECK(broken.wait() == 2);
  CHECK(broken.stderrText().find("teams.tsv:32") != std::string::npos);
  std::filesystem::remove_all(dir);
  std::filesystem::copy(std::string(NBA_MCP_SOURCE_DIR) + "/golden/snapshot", dir);
  std::filesystem::remove(dir + "/games.tsv");
  Subprocess missing({kBinary, "--snapshot", dir});
  missing.closeStdin();
  CHECK(missing.wait() == 2);
  CHECK(missing.stderrText().find("games.tsv") != std::string::npos);
  std::filesystem::remove_all(dir);
  CHECK(runCommand({kBinary, "--snapshot", "/no/such/dir", "tools"}).first == 2);
  CHECK(runCommand({kBinary, "--fixed-time", "yesterday", "tools"}).first == 2);
}

TEST_CASE("binary: --snapshot DIR serves the same data as the embedded snapshot") {
  std::string dir = std::string(NBA_MCP_SOURCE_DIR) + "/golden/snapshot";
  auto [code, out] = runCommand(
      {kBinary, "--snapshot", dir, "call", "resolve_entity", R"({"query":"SGA"})", "--json"});
  CHECK(code == 0);
  CHECK(json::parse(out)["structuredContent"]["candidates"][0]["id"] == "1628983");
}

TEST_CASE("cli: ask prints the markdown answer, --json the structured one") {
  const std::string clock = "--fixed-time=2025-04-14T12:00:00Z";
  auto [code, out] = runCommand({kBinary, clock, "ask", "Who leads the NBA in points?"});
  CHECK(code == 0);
  CHECK(out.find("## NBA leaders: Points — 2024-25 (as of 2025-04-13)\n\nShai Gilgeous-Alexander "
                 "led the NBA with 32.7 points per game in 2024-25.") == 0);
  auto [json_code, json_out] =
      runCommand({kBinary, clock, "ask", "--json", "Compare Luka Doncic and Trae Young"});
  CHECK(json_code == 0);
  const json answer = json::parse(json_out);
  CHECK(answer["status"] == "answered");
  CHECK(answer["intents"] == json::array({"compare_players"}));
  // The planner passes the ids the parser resolved: Dončić 1629029, Young 1629027.
  CHECK(answer["plan"]["calls"][0]["arguments"]["players"] == json::array({"1629029", "1629027"}));
  CHECK(answer["entities"]["players"][0]["name"] == "Luka Dončić");

  auto [unclear_code, unclear_out] = runCommand({kBinary, clock, "ask", "hmm, what?"});
  CHECK(unclear_code == 0);
  CHECK(unclear_out.find("## I need a bit more to answer that") == 0);
  CHECK(runCommand({kBinary, "ask", "hi"}).first == 1);  // under the 5-character minimum
  CHECK(runCommand({kBinary, "ask"}).first == 2);        // no question at all
  CHECK(runCommand({kBinary, "ask", std::string(600, 'x')}).first == 1);
}

// The committed golden files themselves are checked once per build by ctest's own `golden`
// test (tests/CMakeLists.txt); here only the command's behaviour on a tiny golden directory.
TEST_CASE("cli: golden check fails on a changed case and never rewrites; record refuses CI") {
  const std::filesystem::path copy =
      std::filesystem::temp_directory_path() / ("nba-golden-" + std::to_string(::getpid()));
  std::filesystem::remove_all(copy);
  std::filesystem::create_directories(copy / "transcripts" / "one");
  const std::string expected_ping = R"({"jsonrpc":"2.0","id":1,"result":{"pong":true}})";
  {
    const json questions = {
        {"fixed_time", "2025-04-14T12:00:00Z"},
        {"cases",
         {{{"id", "q"},
           {"question", "Who leads the NBA in assists?"},
           {"status", "answered"},
           {"facts", {"Trae Young led the NBA with 11.6 assists per game", "Chris Paul led"}}}}}};
    std::ofstream(copy / "questions.json") << questions.dump(2);
    std::ofstream(copy / "transcripts" / "one" / "in.jsonl")
        << R"({"jsonrpc":"2.0","id":1,"method":"ping"})"
        << "\n";
    std::ofstream(copy / "transcripts" / "one" / "expected.jsonl") << expected_ping << "\n";
    // ping answers {}: the fact below is wrong on purpose and must be reported.
    std::ofstream(copy / "transcripts" / "one" / "facts.json")
        << R"({"facts":[{"id":1,"pointer":"/result/pong","equals":true}]})";
  }
  auto read_expected = [&] {
    std::ifstream in(copy / "transcripts" / "one" / "expected.jsonl");
    std::string line;
    std::getline(in, line);
    return line;
  };
  // NBA_MCP_RECORD_GOLDEN used to turn `check` into a recorder; now it is ignored.
  auto [bad_code, bad_out] = runCommand({"/usr/bin/env", "NBA_MCP_RECORD_GOLDEN=1", kBinary,
                                         "golden", "check", "--dir", copy.string()});
  CHECK(bad_code == 1);
  CHECK(bad_out.find("missing fact: Chris Paul led") != std::string::npos);
  CHECK(bad_out.find("FAIL transcript one: line 1") != std::string::npos);
  CHECK(bad_out.find("FAIL transcript fact one: id 1 /result/pong: not in the response "
                     "(expected true)") != std::string::npos);
  CHECK(bad_out.find("golden transcript facts: 0/1 pass") != std::string::npos);
  CHECK(bad_out.find("golden questions: 0/1 pass") != std::string::npos);
  CHECK(read_expected() == expected_ping);

  auto [ci_code, ci_out] =
      runCommand({"/usr/bin/env", "CI=true", kBinary, "golden", "record", "--dir", copy.string()});
  CHECK(ci_code == 2);
  CHECK(read_expected() == expected_ping);

  // Recording rewrites expected.jsonl but still fails on the wrong fact: a recording cannot
  // accept a wrong value silently.
  auto [record_code, record_out] =
      runCommand({"/usr/bin/env", "CI=", kBinary, "golden", "record", "--dir", copy.string()});
  CHECK(record_code == 1);
  CHECK(record_out.find("recorded one") != std::string::npos);
  CHECK(record_out.find("FAIL transcript fact one: id 1 /result/pong") != std::string::npos);
  CHECK(read_expected() == R"({"jsonrpc":"2.0","id":1,"result":{}})");

  // Without facts.json a transcript fails: its recorded output alone is no oracle.
  std::filesystem::remove(copy / "transcripts" / "one" / "facts.json");
  auto [nofacts_code, nofacts_out] =
      runCommand({kBinary, "golden", "check", "--dir", copy.string()});
  CHECK(nofacts_code == 1);
  CHECK(nofacts_out.find("FAIL transcript fact one: no facts.json") != std::string::npos);
  std::filesystem::remove_all(copy);
}
