#pragma once

#include <chrono>
#include <deque>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "fuzz/protocol/line_factory.h"
#include "fuzz/protocol/reply_tracker.h"
#include "support/subprocess.h"

namespace nba::fuzz {

// One nba-mcp process driven over its stdin/stdout pipes: the handshake, lines written
// with what they must produce, stdout read and checked (ReplyTracker), and the end —
// stdin closed in the middle of a line, the process must then answer what it owes and
// exit 0. Everything written is kept in a transcript file for replaying
// (`nba-mcp < transcript`). Single-threaded.
class ServerSession {
 public:
  struct Options {
    std::string name;  // "a", "b": in messages and the transcript's file name
    std::vector<std::string> argv;
    std::string version;  // the protocol version to initialize with
    bool batches = false;
    std::size_t max_line_bytes = std::size_t{4} * 1024 * 1024;
    std::chrono::milliseconds reply_timeout{5000};
    // For the first data call, which loads the snapshot (seconds under the sanitizers).
    std::chrono::milliseconds warm_up_timeout{120000};
    std::string transcript_path;  // empty: none
  };

  explicit ServerSession(Options options);

  // initialize, notifications/initialized, every page of tools/list, then one call that
  // loads the data. False (with a finding) when the server does not answer.
  bool start();
  const std::vector<ToolSchema>& tools() const { return tools_; }

  void send(const Line& line);
  // Sends a ping and reads until its reply; id-less replies are then overdue.
  void sync(LineFactory& factory);
  // Reads what arrives within `wait`, then checks deadlines.
  void pump(std::chrono::milliseconds wait);
  // Sends `full`, then `partial` without its line end, closes stdin, reads stdout to its
  // end and checks that everything owed was answered and that the process exited 0.
  void closeMidRequest(const Line& full, const Line& partial);

  bool alive() const { return alive_; }
  std::vector<std::string> findings() const;
  std::string summary() const;
  const std::string& transcriptPath() const { return options_.transcript_path; }
  // The last lines sent (kind and excerpt), oldest first.
  const std::deque<std::string>& recent() const { return recent_; }
  // What the server wrote to stderr that explains a death (a sanitizer report, folded).
  std::string stderrExcerpt(std::size_t max_lines) const;

 private:
  // Reads one line within `wait` and hands it to the tracker; returns its reply key.
  std::optional<std::string> readOne(std::chrono::milliseconds wait, std::string* raw = nullptr);
  // Reads until the reply with `key`; its text, or empty on timeout (a finding).
  std::string awaitReply(const std::string& key);
  std::string awaitReply(const std::string& key, std::chrono::milliseconds timeout);
  // Makes the server load its data before fuzzing starts (see start()).
  bool warmUp();
  void noteExit(const std::string& when);

  Options options_;
  std::unique_ptr<testing::Subprocess> process_;
  ReplyTracker tracker_;
  std::ofstream transcript_;
  std::vector<ToolSchema> tools_;
  std::vector<std::string> lifecycle_findings_;
  std::map<std::string, std::size_t> sent_by_kind_;
  std::deque<std::string> recent_;
  std::size_t lines_sent_ = 0;
  std::size_t bytes_sent_ = 0;
  bool alive_ = true;
  bool closing_ = false;  // stdin closed on purpose: an exit is expected
};

}  // namespace nba::fuzz
