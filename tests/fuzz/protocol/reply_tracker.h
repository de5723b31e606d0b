#pragma once

#include <chrono>
#include <cstddef>
#include <list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/protocol/expectation.h"

namespace nba::fuzz {

// Matches one server's stdout against what was sent to it: every stdout line must be a
// JSON-RPC message (stdout is protocol only); every reply must be one that was due (no
// duplicates, no strangers); every request must be answered within the reply timeout.
// Replies without an id are answered by the reader thread in input order, so they must
// all have arrived by the time a later ping's reply does (onSync). Single-threaded.
class ReplyTracker {
 public:
  using Clock = std::chrono::steady_clock;

  explicit ReplyTracker(std::chrono::milliseconds reply_timeout) : timeout_(reply_timeout) {}

  // Records what the line just sent (`what`, for messages) must produce.
  void expect(const Expectation& expected, std::string_view what, Clock::time_point now);
  // One stdout line. Returns the key of the reply it carries, if it is a single reply.
  std::optional<std::string> onLine(const std::string& line, Clock::time_point now);
  // A ping sent after everything so far has been answered: id-less replies are overdue.
  void onSync();
  // Replies overdue at `now`.
  void checkDeadlines(Clock::time_point now);
  // stdout reached EOF after stdin was closed: whatever is still due is missing.
  void finish();

  const std::vector<std::string>& violations() const { return violations_; }
  std::size_t replies() const { return replies_; }
  std::size_t pending() const { return due_.size() + batches_.size(); }

 private:
  struct Due {
    std::string key;
    std::string what;
    Clock::time_point deadline;
    bool optional = false;  // cancelled: the reply may never come
    bool at_close = false;
  };
  struct DueBatch {
    std::vector<std::string> keys;  // sorted
    std::string what;
    Clock::time_point deadline;
  };
  struct Wildcard {
    Clock::time_point deadline;
  };

  void violation(std::string text);
  bool takeWildcard();
  void matchReply(const std::string& key, const std::string& line);
  void matchBatch(std::vector<std::string> keys, const std::string& line);

  std::chrono::milliseconds timeout_;
  std::list<Due> due_;
  std::list<DueBatch> batches_;
  std::list<Wildcard> wildcards_;
  std::vector<std::string> violations_;
  std::size_t replies_ = 0;
};

// A line shortened for messages.
std::string excerpt(std::string_view line, std::size_t max = 300);

}  // namespace nba::fuzz
