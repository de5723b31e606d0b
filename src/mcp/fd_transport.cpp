#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <mutex>
#include <optional>
#include <vector>

#include "mcp/transport.h"

namespace nba::mcp {
namespace {

constexpr std::size_t kReadChunk = std::size_t{64} * 1024;

class FdTransport : public Transport {
 public:
  FdTransport(int in_fd, int out_fd, std::size_t max_line_bytes)
      : in_fd_(in_fd),
        out_fd_(out_fd),
        max_line_bytes_(max_line_bytes),
        out_pipe_capacity_(pipeCapacity(out_fd)) {
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

  bool hasPendingInput() override {
    if (start_ < end_ || eof_) {
      return start_ < end_;
    }
    pollfd in = {in_fd_, POLLIN, 0};
    int n;
    do {
      n = poll(&in, 1, 0);
    } while (n < 0 && errno == EINTR);
    return n == 1 && (in.revents & (POLLIN | POLLHUP)) != 0;  // POLLHUP: EOF is waiting
  }

  // poll() says a pipe is writable when it has a free page-sized slot, and a Unix socket
  // when at most a quarter of its send buffer is in use. Either way, up to PIPE_BUF bytes
  // then go in without waiting, and nobody else writes to our output meanwhile: the
  // output queue lets one thread write at a time. A longer line fits without waiting
  // only into a pipe the client has emptied (every slot free again): a client reading
  // each reply before its next request leaves it so, and most replies are over 4 KB.
  bool canWriteWithoutBlocking(std::size_t bytes) override {
    if (bytes > PIPE_BUF && !emptyPipeHolds(bytes)) {
      return false;
    }
    pollfd out = {out_fd_, POLLOUT, 0};
    int n;
    do {
      n = poll(&out, 1, 0);
    } while (n < 0 && errno == EINTR);
    return n == 1 && (out.revents & POLLOUT) != 0 && (out.revents & (POLLERR | POLLHUP)) == 0;
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

  // The bytes a pipe holds (0 for anything else): only a pipe says, by FIONREAD on
  // either end, how much of it is still unread.
  static std::size_t pipeCapacity(int fd) {
    struct stat info {};
    if (fstat(fd, &info) != 0 || !S_ISFIFO(info.st_mode)) {
      return 0;
    }
    const int capacity = fcntl(fd, F_GETPIPE_SZ);
    return capacity > 0 ? static_cast<std::size_t>(capacity) : 0;
  }

  // True when our output is a pipe with nothing left unread and room for `bytes`, kept a
  // page short of the capacity for safety's sake.
  bool emptyPipeHolds(std::size_t bytes) const {
    constexpr std::size_t kPage = 4096;
    if (out_pipe_capacity_ < kPage || bytes > out_pipe_capacity_ - kPage) {
      return false;
    }
    int unread = -1;
    return ioctl(out_fd_, FIONREAD, &unread) == 0 && unread == 0;
  }

  // A complete line from the buffer, a kTooLong verdict, or nothing yet.
  std::optional<ReadStatus> takeBufferedLine(std::string& line) {
    const char* base = buffer_.data();
    const void* found =
        scan_from_ < end_ ? std::memchr(base + scan_from_, '\n', end_ - scan_from_) : nullptr;
    if (found == nullptr) {
      scan_from_ = end_;
      if (discarding_ || end_ - start_ > max_line_bytes_) {
        // Drop what we have of the oversized line; keep dropping until its end.
        if (!discarding_) keepHead(start_, end_ - start_);
        discarding_ = true;
        start_ = scan_from_ = end_ = 0;
      }
      return std::nullopt;
    }
    std::size_t newline = static_cast<std::size_t>(static_cast<const char*>(found) - base);
    std::size_t length = newline - start_;
    bool too_long = discarding_ || length > max_line_bytes_;
    if (!too_long) {
      assignLine(line, start_, length);
    } else {
      if (!discarding_) keepHead(start_, length);
      line = std::move(discarded_head_);
      discarded_head_.clear();
    }
    start_ = scan_from_ = newline + 1;
    if (start_ == end_) {
      start_ = scan_from_ = end_ = 0;  // fully consumed: the next read starts at the front
    }
    discarding_ = false;
    return too_long ? ReadStatus::kTooLong : ReadStatus::kLine;
  }

  // The first bytes of a line about to be dropped: the server reads the request's id there.
  void keepHead(std::size_t from, std::size_t length) {
    discarded_head_.assign(buffer_.data() + from, std::min(length, kDiscardedHeadBytes));
  }

  void assignLine(std::string& line, std::size_t from, std::size_t length) {
    if (length > 0 && buffer_[from + length - 1] == '\r') {
      --length;
    }
    line.assign(buffer_.data() + from, length);
  }

  ReadStatus finishAtEof(std::string& line) {
    bool has_tail = start_ < end_ && !discarding_;
    if (has_tail) {
      assignLine(line, start_, end_ - start_);
    }
    bool dropped = discarding_;
    discarding_ = false;
    if (dropped) {
      line = std::move(discarded_head_);
      discarded_head_.clear();
    }
    start_ = scan_from_ = end_ = 0;
    if (has_tail) {
      return ReadStatus::kLine;
    }
    return dropped ? ReadStatus::kTooLong : ReadStatus::kEof;
  }

  // Makes room for one read chunk after end_. Moves the unread tail to the front only
  // when the free space runs short, and grows the buffer only when the tail itself
  // needs it, so memory stays within the longest allowed line plus one chunk.
  void reserveChunk() {
    if (buffer_.size() - end_ >= kReadChunk) {
      return;
    }
    if (start_ > 0) {
      std::memmove(buffer_.data(), buffer_.data() + start_, end_ - start_);
      end_ -= start_;
      scan_from_ -= start_;
      start_ = 0;
    }
    if (buffer_.size() - end_ < kReadChunk) {
      // Grows without zero-filling being paid per read: resize happens only here, and
      // only by what the unread tail requires.
      buffer_.resize(end_ + kReadChunk);
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
    reserveChunk();
    ssize_t n;
    do {
      n = read(in_fd_, buffer_.data() + end_, buffer_.size() - end_);
    } while (n < 0 && errno == EINTR);
    if (n <= 0) {
      eof_ = true;
      return;
    }
    end_ += static_cast<std::size_t>(n);
  }

  int in_fd_;
  int out_fd_;
  std::size_t max_line_bytes_;
  std::size_t out_pipe_capacity_;  // 0: the output is not a pipe
  int wake_pipe_[2] = {-1, -1};
  std::vector<char> buffer_;   // bytes [start_, end_) are read but not yet returned
  std::size_t start_ = 0;      // first byte of the current line
  std::size_t scan_from_ = 0;  // where the search for '\n' resumes
  std::size_t end_ = 0;        // one past the last byte read
  bool discarding_ = false;
  std::string discarded_head_;  // of the line being discarded (keepHead)
  bool eof_ = false;
  std::mutex write_mutex_;
};

}  // namespace

std::unique_ptr<Transport> newFdTransport(int in_fd, int out_fd, std::size_t max_line_bytes) {
  return std::make_unique<FdTransport>(in_fd, out_fd, max_line_bytes);
}

}  // namespace nba::mcp
