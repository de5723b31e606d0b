#pragma once

#include <sys/types.h>

#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "support/line_reader.h"

namespace nba::testing {

// The real nba-mcp binary (or any program) as a child with piped stdin/stdout;
// stderr goes to a temp file readable with stderrText(). Single-threaded use.
class Subprocess {
 public:
  explicit Subprocess(const std::vector<std::string>& argv,
                      const std::vector<std::string>& extra_env = {});
  ~Subprocess();  // kills the child if still running

  bool write(const std::string& data);  // false when the child closed its stdin
  bool writeLine(const std::string& line) { return write(line + "\n"); }
  // The timeouts only end a test whose child hangs; they are long because CI runs the child
  // under AddressSanitizer on two busy cores, where a first call that loads an index from the
  // fake NBA.com took over 5 s (stop 26).
  std::optional<std::string> readLine(std::chrono::milliseconds timeout = std::chrono::seconds(30));
  nlohmann::json readJson(std::chrono::milliseconds timeout = std::chrono::seconds(30));
  void closeStdin();
  void signal(int signo);
  // Exit code, or -signal when killed; nullopt on timeout.
  std::optional<int> wait(std::chrono::milliseconds timeout = std::chrono::seconds(30));
  std::string stderrText() const;
  pid_t pid() const { return pid_; }
  // Resident set size from /proc, in KiB.
  long rssKib() const;

 private:
  pid_t pid_ = -1;
  int stdin_fd_ = -1;
  int stdout_fd_ = -1;
  std::string stderr_path_;
  std::unique_ptr<LineReader> reader_;
  std::optional<int> exit_code_;
};

// Runs a command to completion; returns {exit code, stdout}.
std::pair<int, std::string> runCommand(const std::vector<std::string>& argv,
                                       const std::string& input = "");

}  // namespace nba::testing
