// The output queue's two ways out: the thread that produced a line writes it itself when
// that cannot block (or when it may block), otherwise the writer thread does; either way
// lines leave in the order they were pushed.
#include "mcp/output_queue.h"

#include <doctest/doctest.h>

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

// A transport that records lines with the thread that wrote them, and whose "can this
// write block?" answer the test controls (and can hold, to open a race window).
class RecordingTransport : public nba::mcp::Transport {
 public:
  nba::mcp::ReadStatus readLine(std::string&) override { return nba::mcp::ReadStatus::kEof; }
  bool writeLine(std::string_view line) override {
    std::lock_guard lock(mutex_);
    lines_.emplace_back(line);
    writers_.push_back(std::this_thread::get_id());
    changed_.notify_all();
    return true;
  }
  void interrupt() override {}
  bool canWriteWithoutBlocking(std::size_t) override {
    std::unique_lock lock(mutex_);
    ++asked_;
    changed_.notify_all();
    changed_.wait(lock, [this] { return !hold_answer_; });
    return writable_;
  }

  void setWritable(bool writable) {
    std::lock_guard lock(mutex_);
    writable_ = writable;
  }
  void holdAnswer(bool hold) {
    std::lock_guard lock(mutex_);
    hold_answer_ = hold;
    changed_.notify_all();
  }
  void waitAsked(int times) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return asked_ >= times; });
  }
  std::vector<std::string> lines() {
    std::lock_guard lock(mutex_);
    return lines_;
  }
  std::vector<std::thread::id> writers() {
    std::lock_guard lock(mutex_);
    return writers_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::string> lines_;
  std::vector<std::thread::id> writers_;
  bool writable_ = true;
  bool hold_answer_ = false;
  int asked_ = 0;
};

}  // namespace

TEST_CASE("the reading thread writes its own line when the write cannot block") {
  RecordingTransport transport;
  nba::mcp::OutputQueue queue(transport);
  nba::mcp::OutputQueue::allowDirectWrites(false);  // this thread stands for the reader
  queue.push(R"({"jsonrpc":"2.0","id":1,"result":{}})");
  queue.flush();
  REQUIRE(transport.lines().size() == 1);
  CHECK(transport.writers()[0] == std::this_thread::get_id());  // no hand-off

  nba::mcp::OutputQueue::tryDirectWrites(false);  // more input waits: leave it to the writer
  queue.push(R"({"jsonrpc":"2.0","id":3,"result":{}})");
  queue.flush();
  REQUIRE(transport.lines().size() == 2);
  CHECK(transport.writers()[1] != std::this_thread::get_id());
  nba::mcp::OutputQueue::tryDirectWrites(true);

  transport.setWritable(false);  // a full pipe: the writer thread takes it
  queue.push(R"({"jsonrpc":"2.0","id":2,"result":{}})");
  queue.flush();
  REQUIRE(transport.lines().size() == 3);
  CHECK(transport.lines()[2] == R"({"jsonrpc":"2.0","id":2,"result":{}})");
  CHECK(transport.writers()[2] != std::this_thread::get_id());
}

TEST_CASE("a line that could not be written directly still leaves before later ones") {
  RecordingTransport transport;
  nba::mcp::OutputQueue queue(transport);
  transport.setWritable(false);
  transport.holdAnswer(true);
  // The reader pushes "first" and is asked whether it may write; while it waits for the
  // answer, a worker pushes "second", which must queue behind it.
  std::thread reader([&] {
    nba::mcp::OutputQueue::allowDirectWrites(false);
    queue.push("first");
  });
  transport.waitAsked(1);
  std::thread worker([&] {
    nba::mcp::OutputQueue::allowDirectWrites(true);
    queue.push("second");  // the reader holds the transport: this one queues
  });
  worker.join();
  transport.holdAnswer(false);  // "no": the writer thread writes both, in one write
  reader.join();
  queue.flush();
  std::string written;
  for (const std::string& line : transport.lines()) {
    written += line + "\n";
  }
  CHECK(written == "first\nsecond\n");
}
