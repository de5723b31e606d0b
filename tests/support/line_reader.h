#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace nba::testing {

// Reads '\n'-terminated lines from a file descriptor with a timeout (poll-based).
// Single-threaded use.
class LineReader {
 public:
  explicit LineReader(int fd) : fd_(fd) {}
  // The next line without '\n', or nullopt on timeout or EOF (eof() tells which).
  std::optional<std::string> next(std::chrono::milliseconds timeout);
  bool eof() const { return eof_; }

 private:
  int fd_;
  std::string buffer_;
  bool eof_ = false;
};

}  // namespace nba::testing
