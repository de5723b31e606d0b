#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace nba::mcp {

enum class ReadStatus {
  kLine,         // `line` holds one message (no '\n'; a trailing '\r' removed)
  kTooLong,      // a line over the limit was discarded; `line` holds its first bytes (at
                 // most kDiscardedHeadBytes, for its id); reading can go on
  kEof,          // input closed
  kInterrupted,  // interrupt() was called (a signal asked us to stop)
};

// How much of a line over the limit is kept: a request's id is near its start.
inline constexpr std::size_t kDiscardedHeadBytes = 4096;

// Newline-delimited message channel (MCP stdio transport).
// Thread safety: readLine from one thread at a time (the server passes the reading role
// between threads under a lock, which orders the calls); writeLine from any thread
// (serialized under one lock, each line written whole and flushed); interrupt() is
// async-signal-safe.
class Transport {
 public:
  virtual ~Transport() = default;
  virtual ReadStatus readLine(std::string& line) = 0;
  // Writes `line` + '\n'. Returns false when the peer is gone.
  virtual bool writeLine(std::string_view line) = 0;
  // True when more input is already waiting (read ahead, or in the pipe): the server then
  // hands a call to its pool instead of running it on the reading thread. False when
  // unknown. For the thread reading only.
  virtual bool hasPendingInput() { return false; }
  // True when writing `bytes` now (a line and its '\n') cannot block, because the peer's
  // side has room for them. The thread reading the input must never block on output (a
  // client that writes everything before reading would deadlock us), so it writes its own
  // replies only when this says yes. False when unknown.
  virtual bool canWriteWithoutBlocking(std::size_t bytes) {
    (void)bytes;
    return false;
  }
  virtual void interrupt() = 0;
};

// A transport over two file descriptors (stdin/stdout for the server). Memory stays
// bounded by `max_line_bytes` plus one read chunk whatever the peer sends.
std::unique_ptr<Transport> newFdTransport(int in_fd, int out_fd, std::size_t max_line_bytes);

}  // namespace nba::mcp
