// nba-mcp-protocol-fuzzer: a black-box fuzzer of the real nba-mcp binary over its pipes
// (issue 17: no request can crash the server). See --help and README "Fuzzing".
//
// Two server processes: one initialized with 2025-11-25, one with 2025-03-26 (the only
// revision that accepts batches). For a fixed time it writes bursts of lines from
// LineFactory to either, each burst followed by a ping, and checks with ReplyTracker that
// stdout holds only JSON-RPC messages and every request gets exactly one reply within the
// timeout; a server that exits while its stdin is open is a finding. At the end it closes
// each server's stdin in the middle of a line: the server must answer what it owes and
// exit 0. The seed is printed; --seed replays the same lines.
#include <signal.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <random>

#include "fuzz/protocol/line_factory.h"
#include "fuzz/protocol/server_session.h"
#include "fuzz/schema_values.h"

namespace {

using nba::fuzz::Line;
using nba::fuzz::LineFactory;
using nba::fuzz::ServerSession;
using Clock = std::chrono::steady_clock;

struct Options {
  std::string server;
  std::vector<std::string> server_args;
  int seconds = 30;
  std::uint64_t seed = 0;
  std::size_t max_lines = 1000000;
  int reply_timeout_ms = 10000;
  std::size_t max_message_bytes = std::size_t{4} * 1024 * 1024;
  bool avoid_known_crashes = false;
  std::size_t max_depth = 200000;
  std::string transcripts;
};

extern "C" void onWatchdog(int) {
  static const char kMessage[] = "protocol fuzzer: watchdog expired (a write or read hung)\n";
  ssize_t ignored = write(STDERR_FILENO, kMessage, sizeof kMessage - 1);
  (void)ignored;
  _exit(3);
}

// Half of a valid call: what is in the pipe when stdin closes mid-request.
Line partialOf(Line line) {
  line.text.resize(line.text.size() / 2);
  line.kind = "partial";
  return line;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  CLI::App cli{"Black-box protocol fuzzer for nba-mcp over stdin/stdout"};
  cli.add_option("--server", options.server, "The nba-mcp binary")->required();
  cli.add_option("--seconds", options.seconds, "How long to send lines")->capture_default_str();
  cli.add_option("--seed", options.seed, "Random seed (default: random, printed)");
  cli.add_option("--max-lines", options.max_lines, "Stop after this many lines")
      ->capture_default_str();
  cli.add_option("--reply-timeout-ms", options.reply_timeout_ms,
                 "A request's reply must come within this")
      ->capture_default_str();
  cli.add_option("--max-message-bytes", options.max_message_bytes,
                 "The server's --max-message-bytes (passed to it)")
      ->capture_default_str();
  cli.add_flag("--avoid-known-crashes", options.avoid_known_crashes,
               "Nest at most 1000 deep and never cancel without a requestId (the crashes being "
               "fixed on main)");
  cli.add_option("--max-depth", options.max_depth, "Deepest JSON nesting to send")
      ->capture_default_str();
  cli.add_option("--transcripts", options.transcripts,
                 "Directory for what each session sent (replay: nba-mcp < FILE)");
  cli.add_option("server-args", options.server_args, "Extra arguments for the server (after --)");
  CLI11_PARSE(cli, argc, argv);
  if (options.seed == 0) {
    options.seed =
        std::random_device{}() | (static_cast<std::uint64_t>(std::random_device{}()) << 32);
  }
  std::cout << "protocol fuzzer: seed " << options.seed << " (rerun with --seed " << options.seed
            << "), " << options.seconds << " s against " << options.server << std::endl;

  signal(SIGALRM, onWatchdog);
  alarm(static_cast<unsigned>(options.seconds) + 180);

  // Offline: the fuzzer's model of the server has no NBA.com in it.
  std::vector<std::string> argv_server = {options.server, "--origin", "snapshot",
                                          "--max-message-bytes",
                                          std::to_string(options.max_message_bytes)};
  argv_server.insert(argv_server.end(), options.server_args.begin(), options.server_args.end());
  if (!options.transcripts.empty()) {
    std::filesystem::create_directories(options.transcripts);
  }
  auto sessionOptions = [&](const std::string& name, const std::string& version, bool batches) {
    ServerSession::Options o;
    o.name = name;
    o.argv = argv_server;
    o.version = version;
    o.batches = batches;
    o.max_line_bytes = options.max_message_bytes;
    o.reply_timeout = std::chrono::milliseconds(options.reply_timeout_ms);
    if (!options.transcripts.empty()) {
      o.transcript_path = options.transcripts + "/session-" + name + ".jsonl";
    }
    return o;
  };
  ServerSession a(sessionOptions("a", "2025-11-25", false));
  ServerSession b(sessionOptions("b", "2025-03-26", true));
  const bool started = a.start() && b.start();

  nba::fuzz::RandomChoices choices(options.seed);
  nba::fuzz::FactoryOptions factory_options;
  factory_options.avoid_known_crashes = options.avoid_known_crashes;
  factory_options.max_line_bytes = options.max_message_bytes;
  factory_options.limits.max_string_bytes = 1024 * 1024;
  factory_options.limits.max_depth = options.avoid_known_crashes
                                         ? std::min<std::size_t>(options.max_depth, 1000)
                                         : options.max_depth;
  factory_options.batches = false;
  LineFactory lines_a(a.tools(), choices, factory_options, "a");
  factory_options.batches = true;
  LineFactory lines_b(b.tools(), choices, factory_options, "b");

  const auto started_at = Clock::now();
  const auto end = started_at + std::chrono::seconds(options.seconds);
  std::size_t sent = 0;
  std::size_t rounds = 0;
  auto healthy = [&] {
    return a.alive() && b.alive() && a.findings().empty() && b.findings().empty();
  };
  while (started && healthy() && Clock::now() < end && sent < options.max_lines) {
    const bool use_b = choices.oneIn(3);
    ServerSession& session = use_b ? b : a;
    LineFactory& factory = use_b ? lines_b : lines_a;
    const std::size_t burst = 1 + choices.below(6);
    for (std::size_t i = 0; i < burst; ++i) {
      for (const Line& line : factory.step()) {
        session.send(line);
        ++sent;
      }
    }
    session.sync(factory);
    a.pump(std::chrono::milliseconds(0));
    b.pump(std::chrono::milliseconds(0));
    ++rounds;
  }
  if (healthy()) {
    a.closeMidRequest(lines_a.validCall(), partialOf(lines_a.validCall()));
    b.closeMidRequest(lines_b.validCall(), partialOf(lines_b.validCall()));
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - started_at).count();

  std::cout << a.summary() << "\n" << b.summary() << "\n";
  std::cout << "sent " << sent << " lines in " << rounds << " rounds in " << seconds << " s"
            << std::endl;
  int findings = 0;
  for (ServerSession* session : {&a, &b}) {
    const auto found = session->findings();
    for (std::size_t i = 0; i < found.size() && i < 20; ++i) {
      std::cout << "FINDING: " << found[i] << "\n";
    }
    if (!found.empty()) {
      findings += static_cast<int>(found.size());
      if (!session->transcriptPath().empty()) {
        std::cout << "  what was sent: " << session->transcriptPath()
                  << " (replay: " << options.server << " < " << session->transcriptPath() << ")\n";
      }
      std::cout << "  the last lines sent:\n";
      for (const std::string& line : session->recent()) {
        std::cout << "    " << line << "\n";
      }
      std::cout << "  server stderr:\n" << session->stderrExcerpt(16);
    }
  }
  std::cout << "findings: " << findings << " (seed " << options.seed << ")" << std::endl;
  return findings == 0 ? 0 : 1;
}
