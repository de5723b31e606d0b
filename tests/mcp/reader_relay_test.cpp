#include "mcp/reader_relay.h"

#include <doctest/doctest.h>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using nba::mcp::ReaderRelay;

namespace {

// Stands in for the server's read loop: each "line" is a step, taken by whichever of the
// relay's threads holds the reading role, which reports what it did.
class ScriptedReader {
 public:
  enum class Step { kRead, kShortCall, kGatedCall, kEnd };
  struct Report {
    std::thread::id thread;
    std::string what;  // "read", "call here", "call elsewhere"
  };

  explicit ScriptedReader(std::chrono::milliseconds take_over)
      : relay_([this] { readLoop(); }, take_over) {
    relay_.start();
  }
  // A failed check must not leave a thread waiting for ever: let every step finish.
  ~ScriptedReader() {
    openGate();
    send(Step::kEnd);
    send(Step::kEnd);
  }

  void send(Step step) {
    std::lock_guard lock(mutex_);
    steps_.push_back(step);
    changed_.notify_all();
  }
  Report next() {
    std::unique_lock lock(mutex_);
    REQUIRE(
        changed_.wait_for(lock, std::chrono::seconds(10), [this] { return !reports_.empty(); }));
    Report report = reports_.front();
    reports_.pop_front();
    return report;
  }
  // Sends short calls until one runs on the reading thread (the stand-by needs a moment
  // to stand by after the relay starts, or after its own call).
  Report shortCallRunHere() {
    for (int attempt = 0; attempt < 1000; ++attempt) {
      send(Step::kShortCall);
      Report report = next();
      if (report.what == "call here") return report;
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    FAIL("no call ever ran on the reading thread");
    return {};
  }
  void openGate() {
    std::lock_guard lock(mutex_);
    gate_open_ = true;
    changed_.notify_all();
  }
  bool gatedCallFinished() {
    std::lock_guard lock(mutex_);
    return gated_finished_;
  }

 private:
  void readLoop() {
    while (true) {
      Step step;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return !steps_.empty(); });
        step = steps_.front();
        steps_.pop_front();
      }
      if (step == Step::kEnd) {
        relay_.stop();
        return;
      }
      if (step == Step::kRead) {
        report("read");
        continue;
      }
      if (!relay_.beginCall()) {
        report("call elsewhere");
        continue;
      }
      report("call here");
      if (step == Step::kGatedCall) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return gate_open_; });
        gated_finished_ = true;
      }
      if (!relay_.endCall()) {
        return;  // the other thread reads now
      }
    }
  }
  void report(std::string what) {
    std::lock_guard lock(mutex_);
    reports_.push_back({std::this_thread::get_id(), std::move(what)});
    changed_.notify_all();
  }

  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Step> steps_;
  std::deque<Report> reports_;
  bool gate_open_ = false;
  bool gated_finished_ = false;
  ReaderRelay relay_;  // last: its threads use the fields above
};

}  // namespace

TEST_CASE("ReaderRelay: short calls stay on the reading thread, a long one hands reading over") {
  using Step = ScriptedReader::Step;
  // Long enough that a short call never outlasts it, even under a sanitizer on a busy host.
  ScriptedReader reader(std::chrono::milliseconds(300));
  const std::thread::id first = reader.shortCallRunHere().thread;
  for (int i = 0; i < 20; ++i) {
    reader.send(Step::kShortCall);
    const auto report = reader.next();
    CHECK(report.what == "call here");
    CHECK(report.thread == first);  // no hand-off: the same thread read and ran them all
  }

  reader.send(Step::kGatedCall);
  CHECK(reader.next().what == "call here");
  // The call blocks; once it has run 300 ms the other thread takes over the reading.
  reader.send(Step::kRead);
  const auto read_meanwhile = reader.next();
  CHECK(read_meanwhile.thread != first);
  CHECK_FALSE(reader.gatedCallFinished());
  // The old reader is still busy, so nobody stands by: a call must go elsewhere.
  reader.send(Step::kShortCall);
  CHECK(reader.next().what == "call elsewhere");

  reader.openGate();
  // The old reader stands by once its call is done; then calls run here again, on the
  // thread that reads now.
  const auto later = reader.shortCallRunHere();
  CHECK(reader.gatedCallFinished());
  CHECK(later.thread == read_meanwhile.thread);
  reader.send(Step::kEnd);
}
