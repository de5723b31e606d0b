#include "mcp/message.h"

#include <doctest/doctest.h>

using nba::mcp::DecodeFailure;
using nba::mcp::decodeMessage;
using nba::mcp::Message;
using nba::mcp::MessageKind;
using nlohmann::json;

namespace {

std::variant<Message, DecodeFailure> decodeText(const std::string& text) {
  auto parsed = nba::mcp::parseJson(text);
  REQUIRE(std::holds_alternative<json>(parsed));
  return decodeMessage(std::get<json>(parsed), text);
}

std::string idOf(const std::string& text) {
  auto decoded = decodeText(text);
  REQUIRE(std::holds_alternative<Message>(decoded));
  return std::get<Message>(decoded).id->text();
}

int errorCodeOf(const std::string& text) {
  auto decoded = decodeText(text);
  REQUIRE(std::holds_alternative<DecodeFailure>(decoded));
  return std::get<DecodeFailure>(decoded).error.code;
}

}  // namespace

TEST_CASE("every legal id kind is kept exactly") {
  CHECK(idOf(R"({"jsonrpc":"2.0","id":"abc","method":"ping"})") == R"("abc")");
  CHECK(idOf(R"({"jsonrpc":"2.0","id":0,"method":"ping"})") == "0");
  CHECK(idOf(R"({"jsonrpc":"2.0","id":-7,"method":"ping"})") == "-7");
  CHECK(idOf(R"({"jsonrpc":"2.0","id":9007199254740993,"method":"ping"})") == "9007199254740993");
  CHECK(idOf(R"({"jsonrpc":"2.0","id":18446744073709551615,"method":"ping"})") ==
        "18446744073709551615");
  CHECK(idOf(R"({"jsonrpc":"2.0","method":"ping","id":123456789012345678901234567890})") ==
        "123456789012345678901234567890");
  // As written, escapes and all; the key is the canonical form a cancellation matches.
  CHECK(idOf(R"({"jsonrpc":"2.0","id":"\u00e9\"x","method":"ping"})") == R"("\u00e9\"x")");
  CHECK(idOf(R"({"jsonrpc":"2.0","id":-0,"method":"ping"})") == "-0");
  auto escaped = std::get<Message>(decodeText(R"({"jsonrpc":"2.0","id":"\u0041","method":"x"})"));
  CHECK(escaped.id->key() == R"("A")");
  CHECK(*escaped.id == nba::mcp::RequestId(R"("A")"));
}

TEST_CASE("envelope errors are Invalid Request, with the id when it is readable") {
  CHECK(errorCodeOf(R"({"jsonrpc":"1.0","id":1,"method":"ping"})") == -32600);
  CHECK(errorCodeOf(R"({"id":1,"method":"ping"})") == -32600);
  CHECK(errorCodeOf(R"({"jsonrpc":"2.0","id":null,"method":"ping"})") == -32600);
  CHECK(errorCodeOf(R"({"jsonrpc":"2.0","id":1.5,"method":"ping"})") == -32600);
  CHECK(errorCodeOf(R"({"jsonrpc":"2.0","id":[1],"method":"ping"})") == -32600);
  CHECK(errorCodeOf(R"({"jsonrpc":"2.0","id":1,"method":7})") == -32600);
  CHECK(errorCodeOf(R"({"jsonrpc":"2.0","id":1})") == -32600);
  CHECK(errorCodeOf(R"({"jsonrpc":"2.0","id":1,"method":"x","params":[1]})") == -32602);
  CHECK(errorCodeOf("[]") == -32600);
  CHECK(errorCodeOf("42") == -32600);
  auto failure = std::get<DecodeFailure>(decodeText(R"({"jsonrpc":"1.0","id":5,"method":"x"})"));
  CHECK(failure.id->text() == "5");
  CHECK(failure.respond);
}

TEST_CASE("a broken notification is never answered") {
  auto decoded = decodeText(R"({"jsonrpc":"1.0","method":"notifications/x"})");
  REQUIRE(std::holds_alternative<DecodeFailure>(decoded));
  CHECK_FALSE(std::get<DecodeFailure>(decoded).respond);
}

TEST_CASE("kinds: request, notification, response") {
  auto request = std::get<Message>(decodeText(R"({"jsonrpc":"2.0","id":1,"method":"ping"})"));
  CHECK(request.kind == MessageKind::kRequest);
  auto note = std::get<Message>(decodeText(R"({"jsonrpc":"2.0","method":"notifications/x"})"));
  CHECK(note.kind == MessageKind::kNotification);
  CHECK_FALSE(note.id.has_value());
  auto response = std::get<Message>(decodeText(R"({"jsonrpc":"2.0","id":1,"result":{}})"));
  CHECK(response.kind == MessageKind::kResponse);
}

TEST_CASE("parse errors say where") {
  auto parsed = nba::mcp::parseJson(R"({"a":1,})");
  REQUIRE(std::holds_alternative<std::string>(parsed));
  CHECK(std::get<std::string>(parsed).find("byte 8") != std::string::npos);
  auto bad_utf8 = nba::mcp::parseJson("{\"a\":\"\xff\xfe\"}");
  CHECK(std::holds_alternative<std::string>(bad_utf8));
}

TEST_CASE("top-level member text skips nested and string content") {
  std::string raw = R"({"params":{"id":1,"s":"}\"id\":"},"id" : 99999999999999999999999 })";
  auto text = nba::mcp::topLevelMemberText(raw, "id");
  REQUIRE(text.has_value());
  CHECK(*text == "99999999999999999999999");
  CHECK_FALSE(nba::mcp::topLevelMemberText(R"({"a":1})", "id").has_value());
}

TEST_CASE("error lines: id echoed, null, or omitted by revision") {
  nba::mcp::RpcError error{-32700, "Parse error", nullptr};
  CHECK(nba::mcp::errorLine(std::nullopt, error, false) ==
        R"({"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}})");
  CHECK(nba::mcp::errorLine(std::nullopt, error, true) ==
        R"({"jsonrpc":"2.0","error":{"code":-32700,"message":"Parse error"}})");
  CHECK(nba::mcp::errorLine(nba::mcp::RequestId("7"), error, true) ==
        R"({"jsonrpc":"2.0","id":7,"error":{"code":-32700,"message":"Parse error"}})");
}

TEST_CASE("serialization never throws on invalid UTF-8") {
  json value = std::string("bad \xff byte");
  CHECK(nba::mcp::dumpJson(value) == "\"bad \xEF\xBF\xBD byte\"");
}

TEST_CASE("nesting is bounded while parsing: 64 levels pass, 65 are refused by name") {
  auto at_limit = nba::mcp::parseJsonBounded(std::string(64, '[') + std::string(64, ']'));
  CHECK(std::holds_alternative<json>(at_limit));
  for (std::size_t depth : {65u, 1000u, 1000000u}) {
    auto deep = nba::mcp::parseJsonBounded(std::string(depth, '[') + std::string(depth, ']'));
    REQUIRE(std::holds_alternative<nba::mcp::JsonError>(deep));
    const auto& error = std::get<nba::mcp::JsonError>(deep);
    CHECK(error.kind == nba::mcp::JsonError::Kind::kTooDeep);
    CHECK(error.reason.find("deeper than 64 levels") != std::string::npos);
  }
  // Objects count like arrays; a lower limit applies where asked.
  auto objects = nba::mcp::parseJsonBounded(R"({"a":{"b":{"c":1}}})", 2);
  CHECK(std::get<nba::mcp::JsonError>(objects).kind == nba::mcp::JsonError::Kind::kTooDeep);
  CHECK(std::holds_alternative<json>(nba::mcp::parseJsonBounded(R"({"a":{"b":1}})", 2)));
  // Deep but broken: still refused for depth, never parsed further.
  auto broken = nba::mcp::parseJsonBounded(std::string(100, '[') + "x");
  CHECK(std::get<nba::mcp::JsonError>(broken).kind == nba::mcp::JsonError::Kind::kTooDeep);
}

TEST_CASE("a raw NUL byte is a syntax error at its position") {
  auto parsed = nba::mcp::parseJsonBounded(std::string("{\"a\":1}") + '\0' + "garbage");
  REQUIRE(std::holds_alternative<nba::mcp::JsonError>(parsed));
  const auto& error = std::get<nba::mcp::JsonError>(parsed);
  CHECK(error.kind == nba::mcp::JsonError::Kind::kSyntax);
  CHECK(error.reason.find("byte 8") != std::string::npos);
  CHECK(error.reason.find("NUL") != std::string::npos);
}

TEST_CASE("the id of a message too deep to parse is read from its text") {
  std::string deep = std::string(100, '[') + std::string(100, ']');
  auto id =
      nba::mcp::recoverRequestId(R"({"jsonrpc":"2.0","params":{"x":)" + deep + R"(},"id":"r-1"})");
  REQUIRE(id.has_value());
  CHECK(id->text() == R"("r-1")");
  CHECK(nba::mcp::recoverRequestId(R"({"id":)" + deep + "}") == std::nullopt);
  CHECK(nba::mcp::recoverRequestId(R"({"id":1.5})") == std::nullopt);
  CHECK(nba::mcp::recoverRequestId("[1]") == std::nullopt);
  CHECK(nba::mcp::recoverRequestId(R"({"id":18446744073709551616})")->text() ==
        "18446744073709551616");
}

TEST_CASE("batch elements are found as written, nested content skipped") {
  auto elements = nba::mcp::topLevelArrayElements(R"( [ {"id":-0,"s":"],["} , [1,[2]] ,"x" ] )");
  REQUIRE(elements.size() == 3);
  CHECK(elements[0] == R"({"id":-0,"s":"],["})");
  CHECK(elements[1] == "[1,[2]]");
  CHECK(elements[2] == R"("x")");
  CHECK(nba::mcp::topLevelArrayElements("[]").empty());
  CHECK(nba::mcp::topLevelArrayElements(R"({"a":1})").empty());
}

TEST_CASE("a repeated top-level key: the text of the last one, as the parser keeps") {
  CHECK(*nba::mcp::topLevelMemberText(R"({"id":1,"x":{"id":3},"id":2})", "id") == "2");
}
