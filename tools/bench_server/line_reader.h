#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace nba::bench {

// Buffered reader of '\n'-terminated lines from a file descriptor. The buffer is
// reused; a returned line stays valid until the next call.
class LineReader {
 public:
  enum class Status { kLine, kEof, kTimeout, kError };

  explicit LineReader(int fd, std::size_t capacity = 256 * 1024);

  // The next line without its '\n'. Waits at most `timeout_ms` for more bytes.
  Status next(std::string_view& line, int timeout_ms);

 private:
  bool takeLine(std::string_view& line);
  void makeRoom();
  Status fill(int timeout_ms);

  int fd_;
  std::vector<char> buffer_;
  std::size_t begin_ = 0;  // first unread byte
  std::size_t scan_ = 0;   // where the search for '\n' resumes
  std::size_t end_ = 0;    // one past the last byte read
};

}  // namespace nba::bench
