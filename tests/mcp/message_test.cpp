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
  CHECK(idOf(R"({"jsonrpc":"2.0","id":"\u00e9\"x","method":"ping"})") == "\"\xC3\xA9\\\"x\"");
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
