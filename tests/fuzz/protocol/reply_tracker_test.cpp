#include "fuzz/protocol/reply_tracker.h"

#include <doctest/doctest.h>

using nba::fuzz::Expectation;
using nba::fuzz::ReplyTracker;

namespace {

const auto kNow = ReplyTracker::Clock::time_point{} + std::chrono::hours(1);

std::string result(const std::string& id) {
  return R"({"jsonrpc":"2.0","id":)" + id + R"(,"result":{}})";
}

}  // namespace

TEST_CASE("each request's one reply is matched; a second one is a violation") {
  ReplyTracker tracker(std::chrono::milliseconds(5000));
  tracker.expect(Expectation::reply("7"), "call 7", kNow);
  CHECK(tracker.onLine(result("7"), kNow) == "7");
  CHECK(tracker.violations().empty());
  tracker.onLine(result("7"), kNow);
  REQUIRE(tracker.violations().size() == 1);
  CHECK(tracker.violations()[0].find("a reply nothing asked for") != std::string::npos);
}

TEST_CASE("stdout must hold only JSON-RPC messages") {
  ReplyTracker tracker(std::chrono::milliseconds(5000));
  tracker.onLine("log: starting", kNow);
  tracker.onLine(R"({"jsonrpc":"2.0","id":1})", kNow);
  tracker.onLine(R"({"jsonrpc":"2.0","id":1,"error":{"code":"x","message":"m"}})", kNow);
  CHECK(tracker.violations().size() == 3);
  tracker.onLine(R"({"jsonrpc":"2.0","method":"notifications/progress","params":{}})", kNow);
  CHECK(tracker.violations().size() == 3);  // notifications are fine
}

TEST_CASE("a missing reply is found by its deadline, an id-less one by the next ping") {
  ReplyTracker tracker(std::chrono::milliseconds(5000));
  tracker.expect(Expectation::reply("1"), "call 1", kNow);
  tracker.expect(Expectation::reply("null"), "garbage", kNow);
  tracker.checkDeadlines(kNow + std::chrono::seconds(1));
  CHECK(tracker.violations().empty());
  tracker.onSync();
  CHECK(tracker.violations().size() == 1);  // the garbage line's error should have come
  tracker.checkDeadlines(kNow + std::chrono::seconds(6));
  CHECK(tracker.violations().size() == 2);  // and call 1 is late
}

TEST_CASE("a cancelled request may go unanswered") {
  ReplyTracker tracker(std::chrono::milliseconds(5000));
  tracker.expect(Expectation::reply("3"), "call 3", kNow);
  Expectation cancel;
  cancel.cancels = "3";
  tracker.expect(cancel, "cancel 3", kNow);
  tracker.checkDeadlines(kNow + std::chrono::seconds(6));
  tracker.finish();
  CHECK(tracker.violations().empty());
}

TEST_CASE("a batch reply must hold exactly the batch's ids, in any order") {
  ReplyTracker tracker(std::chrono::milliseconds(5000));
  Expectation batch;
  batch.kind = Expectation::Kind::kBatch;
  batch.batch = {"1", "2", "null"};
  tracker.expect(batch, "batch", kNow);
  tracker.onLine("[" + result("2") +
                     R"(,{"jsonrpc":"2.0","error":{"code":-32600,"message":"m"}},)" + result("1") +
                     "]",
                 kNow);
  CHECK(tracker.violations().empty());
  CHECK(tracker.pending() == 0);
  tracker.onLine("[" + result("1") + "]", kNow);
  CHECK(tracker.violations().size() == 1);
}
