#include <poll.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cerrno>
#include <mutex>
#include <optional>

#include "mcp/transport.h"

namespace nba::mcp {
namespace {

constexpr std::size_t kReadChunk = std::size_t{64} * 1024;

class FdTransport : public Transport {
 public:
  FdTransport(int in_fd, int out_fd, std::size_t max_line_bytes)
      : in_fd_(in_fd), out_fd_(out_fd), max_line_bytes_(max_line_bytes) {
    if (pipe(wake_pipe_) != 0) {
      wake_pipe_[0] = wake_pipe_[1] = -1;
    }
  }
  ~FdTransport() override {
    if (wake_pipe_[0] >= 0) {
      close(wake_pipe_[0]);
      close(wake_pipe_[1]);
    }
  }

  ReadStatus readLine(std::string& line) override {
    while (true) {
      if (auto status = takeBufferedLine(line)) {
        return *status;
      }
      if (eof_) {
        return finishAtEof(line);
      }
      if (!waitReadable()) {
        return ReadStatus::kInterrupted;
      }
      fill();
    }
  }

  bool writeLine(std::string_view line) override {
    std::lock_guard lock(write_mutex_);
    char newline = '\n';
    iovec parts[2] = {{const_cast<char*>(line.data()), line.size()}, {&newline, 1}};
    std::size_t remaining = line.size() + 1;
    int index = 0;
    while (remaining > 0) {
      ssize_t n = writev(out_fd_, parts + index, 2 - index);
      if (n < 0) {
        if (errno == EINTR) {
          continue;
        }
        return false;
      }
      remaining -= static_cast<std::size_t>(n);
      advance(parts, index, static_cast<std::size_t>(n));
    }
    return true;
  }

  void interrupt() override {
    if (wake_pipe_[1] >= 0) {
      char byte = 1;
      ssize_t ignored = write(wake_pipe_[1], &byte, 1);
      (void)ignored;
    }
  }

 private:
  static void advance(iovec* parts, int& index, std::size_t n) {
    while (n > 0 && index < 2) {
      if (n >= parts[index].iov_len) {
        n -= parts[index].iov_len;
        parts[index].iov_len = 0;
        ++index;
      } else {
        parts[index].iov_base = static_cast<char*>(parts[index].iov_base) + n;
        parts[index].iov_len -= n;
        n = 0;
      }
    }
  }

  // A complete line from the buffer, a kTooLong verdict, or nothing yet.
  std::optional<ReadStatus> takeBufferedLine(std::string& line) {
    std::size_t newline = buffer_.find('\n', scan_from_);
    if (newline == std::string::npos) {
      scan_from_ = buffer_.size();
      if (discarding_ || buffer_.size() - start_ > max_line_bytes_) {
        // Drop what we have of the oversized line; keep dropping until its end.
        discarding_ = true;
        buffer_.clear();
        start_ = scan_from_ = 0;
      }
      compact();
      return std::nullopt;
    }
    std::size_t length = newline - start_;
    bool too_long = discarding_ || length > max_line_bytes_;
    if (!too_long) {
      line.assign(buffer_, start_, length);
      if (!line.empty() && line.back() == '\r') {
        line.pop_back();
      }
    }
    start_ = scan_from_ = newline + 1;
    discarding_ = false;
    compact();
    return too_long ? ReadStatus::kTooLong : ReadStatus::kLine;
  }

  ReadStatus finishAtEof(std::string& line) {
    if (start_ < buffer_.size() && !discarding_) {
      line.assign(buffer_, start_, buffer_.size() - start_);
      if (!line.empty() && line.back() == '\r') {
        line.pop_back();
      }
      buffer_.clear();
      start_ = scan_from_ = 0;
      return ReadStatus::kLine;
    }
    bool dropped = discarding_;
    discarding_ = false;
    buffer_.clear();
    start_ = scan_from_ = 0;
    return dropped ? ReadStatus::kTooLong : ReadStatus::kEof;
  }

  void compact() {
    if (start_ > 0 && start_ * 2 >= buffer_.size()) {
      buffer_.erase(0, start_);
      scan_from_ -= start_;
      start_ = 0;
    }
  }

  // False when woken by interrupt().
  bool waitReadable() {
    pollfd fds[2] = {{in_fd_, POLLIN, 0}, {wake_pipe_[0], POLLIN, 0}};
    while (true) {
      int n = poll(fds, wake_pipe_[0] >= 0 ? 2 : 1, -1);
      if (n < 0 && errno == EINTR) {
        continue;
      }
      if (wake_pipe_[0] >= 0 && (fds[1].revents & POLLIN)) {
        return false;
      }
      return true;
    }
  }

  void fill() {
    std::size_t old_size = buffer_.size();
    buffer_.resize(old_size + kReadChunk);
    ssize_t n;
    do {
      n = read(in_fd_, buffer_.data() + old_size, kReadChunk);
    } while (n < 0 && errno == EINTR);
    buffer_.resize(old_size + static_cast<std::size_t>(n > 0 ? n : 0));
    if (n <= 0) {
      eof_ = true;
    }
  }

  int in_fd_;
  int out_fd_;
  std::size_t max_line_bytes_;
  int wake_pipe_[2] = {-1, -1};
  std::string buffer_;
  std::size_t start_ = 0;      // first byte of the current line
  std::size_t scan_from_ = 0;  // where the search for '\n' resumes
  bool discarding_ = false;
  bool eof_ = false;
  std::mutex write_mutex_;
};

}  // namespace

std::unique_ptr<Transport> newFdTransport(int in_fd, int out_fd, std::size_t max_line_bytes) {
  return std::make_unique<FdTransport>(in_fd, out_fd, max_line_bytes);
}

}  // namespace nba::mcp
