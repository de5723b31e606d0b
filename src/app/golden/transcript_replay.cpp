#include "app/golden/transcript_replay.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

extern char** environ;

namespace nba::app {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

Result<std::string> readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return notFound("cannot read " + path.string());
  }
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void writeAll(int fd, const std::string& data) {
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // the server closed stdin early; its output tells the story
    done += static_cast<std::size_t>(n);
  }
}

std::string readAll(int fd) {
  std::string out;
  std::array<char, 65536> buffer{};
  for (;;) {
    const ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    out.append(buffer.data(), static_cast<std::size_t>(n));
  }
  return out;
}

// This process's environment without NBA_MCP_* variables, so the replayed server runs on
// the flags the transcript runner gives it and nothing from the caller's shell.
std::vector<char*> cleanEnvironment() {
  std::vector<char*> env;
  for (char** var = environ; *var != nullptr; ++var) {
    if (std::strncmp(*var, "NBA_MCP_", 8) != 0) env.push_back(*var);
  }
  env.push_back(nullptr);
  return env;
}

// Runs `argv` with `input` on stdin; returns its stdout. stderr goes to /dev/null.
Result<std::string> runWithInput(const std::vector<std::string>& argv, const std::string& input) {
  int in_pipe[2];
  int out_pipe[2];
  if (::pipe2(in_pipe, O_CLOEXEC) != 0 || ::pipe2(out_pipe, O_CLOEXEC) != 0) {
    return internalError(std::string("pipe: ") + std::strerror(errno));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in_pipe[0], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  std::vector<char*> args;
  args.reserve(argv.size() + 1);
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  std::vector<char*> env = cleanEnvironment();
  const int spawned =
      posix_spawn(&pid, argv[0].c_str(), &actions, nullptr, args.data(), env.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(in_pipe[0]);
  ::close(out_pipe[1]);
  if (spawned != 0) {
    ::close(in_pipe[1]);
    ::close(out_pipe[0]);
    return internalError("cannot run " + argv[0] + ": " + std::strerror(spawned));
  }
  // Feed stdin on its own thread: a long answer could fill stdout's pipe while we write.
  std::thread feeder([fd = in_pipe[1], &input] {
    writeAll(fd, input);
    ::close(fd);
  });
  std::string output = readAll(out_pipe[0]);
  feeder.join();
  ::close(out_pipe[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return internalError(argv[0] + " did not exit cleanly (status " + std::to_string(status) + ")");
  }
  return output;
}

std::string firstDifference(const std::string& expected, const std::string& got) {
  std::istringstream a(expected);
  std::istringstream b(got);
  std::string line_a;
  std::string line_b;
  for (int line = 1;; ++line) {
    const bool more_a = static_cast<bool>(std::getline(a, line_a));
    const bool more_b = static_cast<bool>(std::getline(b, line_b));
    if (!more_a && !more_b) return "";
    if (!more_a || !more_b || line_a != line_b) {
      return "line " + std::to_string(line) + "\n  expected: " + (more_a ? line_a : "(end)") +
             "\n  got:      " + (more_b ? line_b : "(end)");
    }
  }
}

}  // namespace

std::vector<std::string> checkTranscriptFacts(const std::string& facts_text,
                                              const std::string& output, int* checked) {
  *checked = 0;
  const json file = json::parse(facts_text, nullptr, /*allow_exceptions=*/false);
  if (!file.is_object() || !file.contains("facts") || !file.at("facts").is_array() ||
      file.at("facts").empty()) {
    return {
        "facts.json must be {\"facts\": [{\"id\", \"pointer\", \"equals\"}, …]} "
        "with at least one fact"};
  }
  std::map<std::string, json> responses;  // id (dumped) → response
  std::istringstream in(output);
  std::string line;
  while (std::getline(in, line)) {
    json message = json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (message.is_object() && message.contains("id") && !message.contains("method")) {
      responses.emplace(message["id"].dump(), std::move(message));
    }
  }
  std::vector<std::string> failures;
  for (const json& fact : file.at("facts")) {
    ++*checked;
    if (!fact.is_object() || !fact.contains("id") || !fact.contains("equals") ||
        !fact.contains("pointer") || !fact.at("pointer").is_string()) {
      failures.push_back("malformed fact " + fact.dump());
      continue;
    }
    const std::string id = fact.at("id").dump();
    const std::string where = "id " + id + " " + fact.at("pointer").get<std::string>();
    auto response = responses.find(id);
    if (response == responses.end()) {
      failures.push_back(where + ": no response with this id");
      continue;
    }
    const std::string pointer_text = fact.at("pointer").get<std::string>();
    if (!pointer_text.empty() && pointer_text.front() != '/') {
      failures.push_back(where + ": a JSON Pointer starts with /");
      continue;
    }
    // nlohmann reports a malformed pointer (a bad ~ escape, a non-numeric array index) only
    // by throwing; facts.json is hand-written, so say which fact is malformed.
    const json* got = nullptr;
    try {
      const json::json_pointer pointer(pointer_text);
      if (response->second.contains(pointer)) got = &response->second.at(pointer);
    } catch (const json::exception& e) {
      failures.push_back(where + ": malformed pointer (" + e.what() + ")");
      continue;
    }
    if (got == nullptr) {
      failures.push_back(where + ": not in the response (expected " + fact.at("equals").dump() +
                         ")");
    } else if (*got != fact.at("equals")) {
      failures.push_back(where + ": expected " + fact.at("equals").dump() + ", got " + got->dump());
    }
  }
  return failures;
}

std::string normaliseTranscript(const std::string& output) {
  std::vector<std::string> notifications;
  std::vector<std::pair<std::string, std::string>> responses;  // (id, line)
  std::istringstream in(output);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    json message = json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (message.is_discarded()) {
      notifications.push_back(line);
      continue;
    }
    // The line itself, not a re-dump: ids beyond 2^64 must stay as the server wrote them.
    if (message.is_object() && message.contains("id") && !message.contains("method")) {
      responses.emplace_back(message["id"].dump(), line);
    } else {
      notifications.push_back(line);
    }
  }
  std::stable_sort(responses.begin(), responses.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string out;
  for (const std::string& n : notifications) out += n + "\n";
  for (const auto& r : responses) out += r.second + "\n";
  return out;
}

Result<std::string> selfExecutable() {
  std::error_code error;
  fs::path self = fs::read_symlink("/proc/self/exe", error);
  if (error) {
    return internalError("cannot find this executable: " + error.message());
  }
  return self.string();
}

Result<std::vector<TranscriptOutcome>> replayTranscripts(const std::string& dir,
                                                         const std::string& binary,
                                                         const std::string& fixed_time,
                                                         bool record) {
  std::error_code error;
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(dir, error)) {
    if (entry.is_directory() && fs::exists(entry.path() / "in.jsonl")) {
      cases.push_back(entry.path());
    }
  }
  if (error) {
    return notFound("cannot list " + dir + ": " + error.message());
  }
  std::sort(cases.begin(), cases.end());
  std::vector<TranscriptOutcome> outcomes;
  for (const fs::path& path : cases) {
    auto input = readFile(path / "in.jsonl");
    if (!input.ok()) return input.status();
    // Without rate limits: a bucket's reset_s moves with the time a replay takes (slower
    // under the sanitizers), and the transcripts pin figures, not timing. The limits have
    // tests of their own (tests/app/call_limits_test.cpp, tests/app/binary_test.cpp).
    auto output =
        runWithInput({binary, "--fixed-time", fixed_time, "--origin", "snapshot", "--workers", "1",
                      "--log-level", "off", "--no-rate-limits", "serve"},
                     input.value());
    if (!output.ok()) return output.status();
    TranscriptOutcome outcome{path.filename().string(), true, record, "", 0, {}};
    if (auto facts = readFile(path / "facts.json"); facts.ok()) {
      outcome.fact_failures =
          checkTranscriptFacts(facts.value(), output.value(), &outcome.facts_checked);
    } else {
      outcome.fact_failures.push_back(
          "no facts.json: the recorded output is no oracle, so each transcript needs value "
          "facts checked from the reference data");
    }
    const std::string got = normaliseTranscript(output.value());
    if (record) {
      std::ofstream(path / "expected.jsonl", std::ios::binary) << got;
    } else {
      auto expected = readFile(path / "expected.jsonl");
      if (!expected.ok()) return expected.status();
      outcome.difference = firstDifference(expected.value(), got);
      outcome.passed = outcome.difference.empty();
    }
    outcomes.push_back(std::move(outcome));
  }
  return outcomes;
}

}  // namespace nba::app
