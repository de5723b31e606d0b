// nba-fuzz-seeds SOURCE_DIR OUT_DIR TARGET: writes the seed corpus of one libFuzzer target,
// built from the project's own files (golden transcripts and questions, the snapshot
// TSVs, the tools' input schemas), so the fuzzers start from inputs that reach deep into
// the server instead of rediscovering JSON-RPC byte by byte. scripts/fuzz.sh runs it.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz/fuzz_world.h"
#include "fuzz/schema_values.h"
#include "fuzz/stored_values.h"
#include "mcp/message.h"
#include "origin/snapshot/snapshot_schema.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) {
      out.push_back(line);
    }
  }
  return out;
}

class SeedWriter {
 public:
  explicit SeedWriter(fs::path dir) : dir_(std::move(dir)) { fs::create_directories(dir_); }
  void write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
    ++count_;
  }
  int count() const { return count_; }

 private:
  fs::path dir_;
  int count_ = 0;
};

std::string request(const json& id, const std::string& method, const json& params) {
  json message = {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}};
  if (!params.is_null()) {
    message["params"] = params;
  }
  return nba::mcp::dumpJson(message);
}

std::string initializeLine(const std::string& version) {
  return request(0, "initialize",
                 {{"protocolVersion", version},
                  {"capabilities", json::object()},
                  {"clientInfo", {{"name", "seed"}, {"version", "1"}}}});
}

json modernMeta() {
  return {{"io.modelcontextprotocol/protocolVersion", "2026-07-28"},
          {"io.modelcontextprotocol/clientCapabilities", json::object()}};
}

// fuzz_message's session bytes (fuzz_message.cpp): an initialize line in one byte.
constexpr char kSession[] = "\x01";       // 2025-11-25
constexpr char kBatchSession[] = "\x02";  // 2025-03-26

void messageSeeds(const fs::path& source, SeedWriter& out) {
  // Golden sessions whole, and each line after the session's handshake.
  for (const auto& entry : fs::directory_iterator(source / "golden/transcripts")) {
    const std::string name = entry.path().filename().string();
    const std::string text = readFile(entry.path() / "in.jsonl");
    out.write("golden-" + name, text);
    const std::vector<std::string> session = lines(text);
    const bool handshake =
        !session.empty() && session[0].find("\"initialize\"") != std::string::npos;
    for (std::size_t i = handshake ? 2 : 0; i < session.size(); ++i) {
      out.write("golden-" + name + "-" + std::to_string(i),
                (handshake ? kSession : "") + session[i] + "\n");
    }
  }
  // Every tool called with valid arguments, in a 2025-11-25 session and statelessly.
  int n = 0;
  for (const auto& tool : nba::fuzz::appServer().server->tools()) {
    nba::fuzz::RandomChoices choices(static_cast<std::uint64_t>(++n));
    const json arguments = nba::fuzz::validArguments(tool.input_schema, choices);
    out.write("call-" + tool.name,
              kSession + request(n, "tools/call", {{"name", tool.name}, {"arguments", arguments}}) +
                  "\n");
    out.write("stateless-" + tool.name,
              request("s", "tools/call",
                      {{"name", tool.name}, {"arguments", arguments}, {"_meta", modernMeta()}}) +
                  "\n");
  }
  // What the golden sessions lack: a whole handshake in the input, batches, cancellation,
  // progress, odd ids and framing.
  out.write("handshake", initializeLine("2024-11-05") + "\n" + request(1, "tools/list", nullptr));
  out.write("batch", kBatchSession + std::string("[") + request(1, "ping", nullptr) + "," +
                         request(2, "tools/list", nullptr) +
                         R"(,{"jsonrpc":"2.0","method":"notifications/initialized"}])" + "\n");
  out.write(
      "cancel",
      kSession +
          request(7, "tools/call",
                  {{"name", "get_league_leaders"}, {"arguments", {{"stat", "PTS"}}}}) +
          "\n" +
          R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":7,"reason":"x"}})" +
          "\n");
  out.write(
      "cancel-unknown",
      kSession +
          std::string(
              R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":"x"}})") +
          "\n");
  out.write("progress", kSession +
                            request("p", "tools/call",
                                    {{"name", "answer_nba_question"},
                                     {"arguments", {{"question", "Who won MVP in 2024?"}}},
                                     {"_meta", {{"progressToken", "t"}}}}) +
                            "\n");
  out.write("ids", kSession + std::string(R"({"jsonrpc":"2.0","id":-0,"method":"ping"})") + "\n" +
                       R"({"jsonrpc":"2.0","id":18446744073709551616,"method":"ping"})" + "\n" +
                       R"({"jsonrpc":"2.0","id":"\u0000\"","method":"ping"})" + "\n" +
                       R"({"jsonrpc":"2.0","id":1.5,"method":"ping"})" + "\n");
  out.write("crlf", kSession + request(3, "tools/list", {{"cursor", "x"}}) + "\r\n\r\n  \n");
  out.write("logging", kSession + request(4, "logging/setLevel", {{"level", "debug"}}) + "\n" +
                           request(5, "completion/complete",
                                   {{"ref", {{"type", "ref/prompt"}, {"name", "scouting_report"}}},
                                    {"argument", {{"name", "player"}, {"value", "jok"}}}}) +
                           "\n");
  out.write("listen", request("l", "subscriptions/listen", {{"_meta", modernMeta()}}) + "\n");
}

void toolArgumentSeeds(const fs::path& source, SeedWriter& out) {
  const auto& tools = nba::fuzz::appServer().server->tools();
  auto indexOf = [&](const std::string& name) -> int {
    for (std::size_t i = 0; i < tools.size(); ++i) {
      if (tools[i].name == name) {
        return static_cast<int>(i);
      }
    }
    return -1;
  };
  // The golden sessions' calls, as JSON text.
  int n = 0;
  for (const auto& entry : fs::directory_iterator(source / "golden/transcripts")) {
    for (const std::string& line : lines(readFile(entry.path() / "in.jsonl"))) {
      const json message = json::parse(line, nullptr, false);
      if (!message.is_object() || message.value("method", "") != "tools/call") {
        continue;
      }
      const json params = message.value("params", json::object());
      const int index = indexOf(params.value("name", ""));
      if (index < 0 || !params.contains("arguments")) {
        continue;
      }
      out.write("golden-" + std::to_string(++n),
                std::string(1, static_cast<char>(index)) +
                    nba::mcp::dumpJson(params.value("arguments", json::object())));
    }
  }
  // For every tool: valid arguments as JSON text, and bytes for the generator.
  for (std::size_t i = 0; i < tools.size(); ++i) {
    for (std::uint64_t k = 0; k < 4; ++k) {
      nba::fuzz::RandomChoices choices(1000 * i + k);
      out.write(tools[i].name + "-json-" + std::to_string(k),
                std::string(1, static_cast<char>(i)) +
                    nba::fuzz::render(nba::fuzz::validArguments(tools[i].input_schema, choices)));
      std::string bytes(1, static_cast<char>(i));
      for (int b = 0; b < 48; ++b) {
        bytes += static_cast<char>(choices.below(256));
      }
      out.write(tools[i].name + "-bytes-" + std::to_string(k), bytes);
    }
  }
}

void questionSeeds(const fs::path& source, SeedWriter& out) {
  const json golden = json::parse(readFile(source / "golden/questions.json"));
  for (const json& item : golden.value("cases", json::array())) {
    out.write(item.value("id", "case"), item.value("question", ""));
  }
}

void snapshotSeeds(const fs::path& source, SeedWriter& out) {
  const std::string_view tables[] = {nba::snapshot::kMetaFile,      nba::snapshot::kTeamsFile,
                                     nba::snapshot::kPlayersFile,   nba::snapshot::kPlayerLinesFile,
                                     nba::snapshot::kTeamLinesFile, nba::snapshot::kGamesFile,
                                     nba::snapshot::kAwardsFile,    nba::snapshot::kGameLogsFile};
  for (std::size_t t = 0; t < std::size(tables); ++t) {
    const std::vector<std::string> rows =
        lines(readFile(source / "golden/snapshot" / std::string(tables[t])));
    // The header with the first 0, 3 and 20 records, and a window from the middle.
    for (std::size_t count : {0, 3, 20}) {
      std::string text(1, static_cast<char>(t));
      for (std::size_t i = 0; i <= count && i < rows.size(); ++i) {
        text += rows[i] + "\n";
      }
      out.write(std::string(tables[t]) + "-" + std::to_string(count), text);
    }
    std::string middle = std::string(1, static_cast<char>(t)) + rows[0] + "\n";
    for (std::size_t i = rows.size() / 2; i < rows.size() / 2 + 10 && i < rows.size(); ++i) {
      middle += rows[i] + "\n";
    }
    out.write(std::string(tables[t]) + "-middle", middle);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: nba-fuzz-seeds SOURCE_DIR OUT_DIR TARGET\n";
    return 2;
  }
  nba::fuzz::quietLogging();
  const fs::path source = argv[1];
  SeedWriter out(argv[2]);
  const std::string target = argv[3];
  if (target == "fuzz_message") {
    messageSeeds(source, out);
  } else if (target == "fuzz_tool_arguments") {
    toolArgumentSeeds(source, out);
  } else if (target == "fuzz_question_parser") {
    questionSeeds(source, out);
  } else if (target == "fuzz_snapshot_tsv") {
    snapshotSeeds(source, out);
  } else if (target == "fuzz_stored_value") {
    for (const auto& [name, bytes] : nba::fuzz::storedValueSeeds()) out.write(name, bytes);
  } else {
    std::cerr << "nba-fuzz-seeds: unknown target " << target << "\n";
    return 2;
  }
  std::cout << out.count() << " seeds for " << target << " in " << argv[2] << "\n";
  return 0;
}
