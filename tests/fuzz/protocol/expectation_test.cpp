#include "fuzz/protocol/expectation.h"

#include <doctest/doctest.h>

using nba::fuzz::classify;
using nba::fuzz::Expectation;
using Kind = Expectation::Kind;

namespace {

constexpr std::size_t kLimit = 1024;

Expectation single(const std::string& line) { return classify(line, false, kLimit); }

}  // namespace

TEST_CASE("a request is owed one reply with its id, whatever its spelling") {
  auto e = single(R"({"jsonrpc":"2.0","id":7,"method":"tools/call","params":{}})");
  CHECK(e.kind == Kind::kReply);
  CHECK(e.key == "7");
  CHECK(single(R"({"jsonrpc":"2.0","id":-0,"method":"ping"})").key == "0");
  CHECK(single(R"({"jsonrpc":"2.0","id":"\u0041","method":"ping"})").key == R"("A")");
  // Broken requests with a usable id are still answered with it.
  CHECK(single(R"({"jsonrpc":"1.0","id":"x","method":"ping"})").key == R"("x")");
  CHECK(single(R"({"jsonrpc":"2.0","id":3,"method":"ping","params":[]})").key == "3");
}

TEST_CASE("what cannot carry an id is answered without one") {
  for (const char* line : {"{", "[1", "42", R"("text")", R"({"jsonrpc":"2.0","id":true})",
                           R"({"jsonrpc":"2.0","id":null,"method":"ping"})",
                           R"({"jsonrpc":"2.0","id":{},"method":"ping"})", "1e400"}) {
    CAPTURE(line);
    auto e = single(line);
    CHECK(e.kind == Kind::kReply);
    CHECK(e.key == "null");
  }
  // Too long: answered with the id its first 4 KiB show, or none; the model allows either.
  CHECK(classify(std::string(kLimit + 1, ' '), false, kLimit).kind == Kind::kAnything);
  // No id and no string method: neither request nor notification (the protocol fuzzer's
  // byte flip turned "id" into " d" and "method" into "met[od").
  for (const char* line : {R"({"jsonrpc":"2.0"," d":3123,"met[od":"ping"})",
                           R"({"jsonrpc":"2.0","method":5})", R"({"jsonrpc":"2.0","result":{}})"}) {
    CAPTURE(line);
    CHECK(single(line).kind == Kind::kReply);
    CHECK(single(line).key == "null");
  }
}

TEST_CASE("notifications, client responses and blank lines are owed nothing") {
  CHECK(single(R"({"jsonrpc":"2.0","method":"notifications/initialized"})").kind == Kind::kNothing);
  CHECK(single(R"({"method":"x"})").kind == Kind::kNothing);  // broken, but a notification
  CHECK(single(R"({"jsonrpc":"2.0","id":4,"result":{}})").kind == Kind::kNothing);
  CHECK(single(" \t\r").kind == Kind::kNothing);
  CHECK(single("").kind == Kind::kNothing);
}

TEST_CASE("a cancellation names the request whose reply becomes optional") {
  auto e = single(
      R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":"r-1"}})");
  CHECK(e.kind == Kind::kNothing);
  CHECK(e.cancels == R"("r-1")");
  CHECK(single(R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{}})")
            .cancels.empty());
}

TEST_CASE("a float id may be an integer beyond 64 bits or a refusal: either is allowed") {
  CHECK(single(R"({"jsonrpc":"2.0","id":123456789012345678901234567890,"method":"ping"})").kind ==
        Kind::kAnything);
  CHECK(single(R"({"jsonrpc":"2.0","id":1.5,"method":"ping"})").kind == Kind::kAnything);
}

TEST_CASE("batches: one array reply in 2025-03-26, one error elsewhere") {
  const std::string batch =
      R"([{"jsonrpc":"2.0","id":1,"method":"ping"},{"jsonrpc":"2.0","method":"n"},5])";
  auto accepted = classify(batch, true, kLimit);
  CHECK(accepted.kind == Kind::kBatch);
  CHECK(accepted.batch == std::vector<std::string>{"1", "null"});
  auto refused = classify(batch, false, kLimit);
  CHECK(refused.kind == Kind::kReply);
  CHECK(refused.key == "null");
  CHECK(classify("[]", true, kLimit).key == "null");
  CHECK(classify(R"([{"jsonrpc":"2.0","method":"n"}])", true, kLimit).kind == Kind::kNothing);
}

TEST_CASE("a line nested deeper than the server's limit is owed one error, never a batch") {
  const std::string deep = std::string(65, '[') + std::string(65, ']');
  CHECK(nba::fuzz::nestingDepth(deep) == 65);
  CHECK(nba::fuzz::nestingDepth(R"({"a":"[[[[","b":[{}]})") == 3);  // brackets in strings
  CHECK(nba::fuzz::nestingDepth(R"(["\"[[", {}])") == 2);           // an escaped quote
  auto batch_of_deep = classify("[" + deep + "]", true, kLimit);
  CHECK(batch_of_deep.kind == Kind::kReply);
  CHECK(batch_of_deep.key == "null");
  auto call =
      single(R"({"jsonrpc":"2.0","id":"d-1","method":"tools/call","params":{"x":)" + deep + "}}");
  CHECK(call.kind == Kind::kReply);
  CHECK(call.key == R"("d-1")");
  // Cut short inside its depth (the fuzzer's "truncated" lines): refused for its depth with
  // the id found in the text, or as unreadable; either single reply is allowed.
  const std::string cut =
      R"({"jsonrpc":"2.0","id":387,"method":"prompts/get","params":{"b":)" + std::string(80, '[');
  CHECK(classify(cut, false, kLimit).kind == Kind::kAnything);
  // Unreadable but showing an id, or a number beyond a double: the server answers by the id
  // the text shows (or, for a notification, not at all); the model allows either.
  CHECK(classify(R"({"jsonrpc":"2.0","id":5,"method":"ping")", false, kLimit).kind ==
        Kind::kAnything);
  CHECK(single(R"({"jsonrpc":"2.0","id":5,"method":"ping","params":{"n":1e400}})").kind ==
        Kind::kAnything);
  // A notification refused for its depth is owed nothing, as any notification.
  CHECK(
      single(R"({"jsonrpc":"2.0","method":"notifications/x","params":{"a":)" + deep + "}}").kind ==
      Kind::kNothing);
  const std::string at_limit = std::string(64, '[') + std::string(64, ']');
  CHECK(classify(at_limit, true, kLimit).kind == Kind::kBatch);  // 64 levels are read
}
