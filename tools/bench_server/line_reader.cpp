#include "line_reader.h"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace nba::bench {

LineReader::LineReader(int fd, std::size_t capacity) : fd_(fd), buffer_(capacity) {}

LineReader::Status LineReader::next(std::string_view& line, int timeout_ms) {
  while (!takeLine(line)) {
    makeRoom();
    Status status = fill(timeout_ms);
    if (status != Status::kLine) {
      return status;
    }
  }
  return Status::kLine;
}

bool LineReader::takeLine(std::string_view& line) {
  const char* start = buffer_.data() + scan_;
  const void* newline = std::memchr(start, '\n', end_ - scan_);
  if (newline == nullptr) {
    scan_ = end_;
    return false;
  }
  std::size_t stop = static_cast<std::size_t>(static_cast<const char*>(newline) - buffer_.data());
  line = std::string_view(buffer_.data() + begin_, stop - begin_);
  begin_ = scan_ = stop + 1;
  return true;
}

void LineReader::makeRoom() {
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    scan_ -= begin_;
    begin_ = 0;
  }
  if (end_ == buffer_.size()) {
    buffer_.resize(buffer_.size() * 2);
  }
}

LineReader::Status LineReader::fill(int timeout_ms) {
  pollfd fds{fd_, POLLIN, 0};
  int ready;
  do {
    ready = poll(&fds, 1, timeout_ms);
  } while (ready < 0 && errno == EINTR);
  if (ready == 0) {
    return Status::kTimeout;
  }
  ssize_t n;
  do {
    n = read(fd_, buffer_.data() + end_, buffer_.size() - end_);
  } while (n < 0 && errno == EINTR);
  if (n < 0) {
    return Status::kError;
  }
  if (n == 0) {
    return Status::kEof;
  }
  end_ += static_cast<std::size_t>(n);
  return Status::kLine;
}

}  // namespace nba::bench
