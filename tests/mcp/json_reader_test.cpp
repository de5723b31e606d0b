// The plain-JSON reader against nlohmann: whatever it accepts must be exactly the value
// nlohmann builds (types included), and it must refuse — leave to nlohmann — everything
// outside its subset, valid or not.
#include "mcp/json_reader.h"

#include <doctest/doctest.h>

#include <random>
#include <string>

using nba::mcp::parsePlainJson;
using nlohmann::json;

namespace {

constexpr int kDeep = 1000;

// Equal values of equal types all the way down (json's == takes 5u and 5 for equal).
bool same(const json& a, const json& b) {
  if (a.type() != b.type()) return false;
  if (a.is_object()) {
    if (a.size() != b.size()) return false;
    for (auto it = a.begin(); it != a.end(); ++it) {
      auto other = b.find(it.key());
      if (other == b.end() || !same(*it, *other)) return false;
    }
    return true;
  }
  if (a.is_array()) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!same(a[i], b[i])) return false;
    }
    return true;
  }
  return a == b;
}

// nlohmann's verdict, or a discarded value for invalid JSON.
json reference(const std::string& text) {
  return json::parse(text, nullptr, /*allow_exceptions=*/false);
}

// Checks the one promise: accepted means nlohmann accepts it too, as the same value.
void checkAgainstNlohmann(const std::string& text) {
  auto plain = parsePlainJson(text, kDeep);
  if (!plain) return;
  json expected = reference(text);
  INFO("text: " << text);
  REQUIRE_FALSE(expected.is_discarded());
  CHECK(same(*plain, expected));
}

std::string randomPlainString(std::mt19937_64& random) {
  static const char* kPieces[] = {"a",   "PTS", " ",   "\\\"",    "\\\\",  "\\/", "\\n", "\\t",
                                  "\\r", "\\b", "\\f", "2024-25", "Jokic", "~",   "{",   "]"};
  std::string text = "\"";
  for (int i = static_cast<int>(random() % 5); i > 0; --i) {
    text += kPieces[random() % std::size(kPieces)];
  }
  return text + "\"";
}

// Random JSON text, mostly inside the plain subset, sometimes outside it (\u, UTF-8,
// fractions, big integers), with random whitespace.
std::string randomJson(std::mt19937_64& random, int depth) {
  static const char* kSpace[] = {"", "", " ", "\n", "\t ", "\r\n"};
  auto space = [&] { return std::string(kSpace[random() % std::size(kSpace)]); };
  static const char* kScalars[] = {"0",
                                   "-0",
                                   "7",
                                   "-12",
                                   "1628983",
                                   "999999999999999999",
                                   "-999999999999999999",
                                   "1e3",
                                   "2.5",
                                   "-0.0",
                                   "1E-2",
                                   "18446744073709551615",
                                   "9223372036854775808",
                                   "true",
                                   "false",
                                   "null",
                                   "\"\\u00e9\"",
                                   "\"Don\xc4\x8di\xc4\x87\"",
                                   "\"\\ud83d\\ude00\""};
  const int kind = depth > 6 ? 2 : static_cast<int>(random() % 4);
  if (kind == 0) {
    std::string text = "{" + space();
    for (int i = static_cast<int>(random() % 4); i > 0; --i) {
      text += randomPlainString(random) + space() + ":" + space() + randomJson(random, depth + 1);
      if (i > 1) text += space() + "," + space();
    }
    return text + space() + "}";
  }
  if (kind == 1) {
    std::string text = "[" + space();
    for (int i = static_cast<int>(random() % 4); i > 0; --i) {
      text += randomJson(random, depth + 1);
      if (i > 1) text += space() + "," + space();
    }
    return text + space() + "]";
  }
  if (random() % 3 == 0) return randomPlainString(random);
  return kScalars[random() % std::size(kScalars)];
}

// A broken copy: a byte changed, dropped, doubled, or the text cut short.
std::string mutate(std::string text, std::mt19937_64& random) {
  static const char kBytes[] = "{}[]:,\"\\ 0-9.eEtfnu\x01\x7f\x80\xff";
  if (text.empty()) return text;
  const std::size_t at = random() % text.size();
  switch (random() % 4) {
    case 0:
      text[at] = kBytes[random() % (sizeof kBytes - 1)];
      break;
    case 1:
      text.erase(at, 1);
      break;
    case 2:
      text.insert(at, 1, text[at]);
      break;
    default:
      text.resize(at);
  }
  return text;
}

}  // namespace

TEST_CASE("parsePlainJson reads a request as nlohmann does, types included") {
  const std::string line =
      R"({"jsonrpc":"2.0","id":42,"method":"tools/call","params":{"name":"resolve_entity",)"
      R"("arguments":{"query":"1628983","limit":-3,"exact":true,"teams":[],"x":null}}})";
  auto plain = parsePlainJson(line, kDeep);
  REQUIRE(plain.has_value());
  CHECK(same(*plain, json::parse(line)));
  CHECK((*plain)["id"].is_number_unsigned());
  CHECK((*plain)["params"]["arguments"]["limit"].get<int>() == -3);
  CHECK((*plain)["params"]["arguments"]["limit"].is_number_integer());
  CHECK_FALSE((*plain)["params"]["arguments"]["limit"].is_number_unsigned());
  CHECK((*plain)["params"]["name"] == "resolve_entity");
}

TEST_CASE("parsePlainJson: escapes, -0, repeated keys and whitespace") {
  auto plain = parsePlainJson(
      " {\"a\" : \"x\\\"\\\\\\/\\b\\f\\n\\r\\ty\", \"a\":-0 ,\"b\":[ 1 ,2]}\r\n", kDeep);
  REQUIRE(plain.has_value());
  CHECK((*plain)["a"].is_number_integer());  // the last "a" wins, as in nlohmann
  CHECK((*plain)["a"].get<int>() == 0);
  CHECK((*plain)["b"] == json::array({1, 2}));
  auto escaped = parsePlainJson("\"x\\\"\\\\\\/\\b\\f\\n\\r\\ty\"", kDeep);
  REQUIRE(escaped.has_value());
  CHECK(escaped->get<std::string>() == "x\"\\/\b\f\n\r\ty");
}

TEST_CASE("parsePlainJson leaves to nlohmann what is outside its subset") {
  for (const char* text :
       {"\"\\u00e9\"", "\"Don\xc4\x8di\xc4\x87\"", "2.5", "1e3", "-1E2", "1234567890123456789",
        "18446744073709551615", "{\"a\":1.0}", "[\"\\ud83d\\ude00\"]"}) {
    INFO(text);
    CHECK_FALSE(parsePlainJson(text, kDeep).has_value());
    CHECK_FALSE(reference(text).is_discarded());  // valid JSON, read by nlohmann instead
  }
}

TEST_CASE("parsePlainJson refuses invalid JSON") {
  for (const char* text :
       {"",      " ",        "{",     "}",         "[1,]",    "{\"a\":1,}", "{\"a\" 1}",
        "{a:1}", "01",       "-",     "+1",        "--1",     "tru",        "truex",
        "nul",   "[1 2]",    "\"abc", "\"a\x01\"", "\"\\x\"", "{} {}",      "[1]]",
        "'a'",   "{\"a\":}", "[,1]",  "1 2",       "\"\\\""}) {
    INFO(text);
    CHECK_FALSE(parsePlainJson(text, kDeep).has_value());
    CHECK(reference(text).is_discarded());
  }
}

TEST_CASE("parsePlainJson stops at the depth limit, counting objects and arrays") {
  const std::string deep = std::string(5, '[') + std::string(5, ']');
  CHECK(parsePlainJson(deep, 5).has_value());
  CHECK_FALSE(parsePlainJson(deep, 4).has_value());
  CHECK(parsePlainJson(R"({"a":{"b":[{}]}})", 4).has_value());
  CHECK_FALSE(parsePlainJson(R"({"a":{"b":[{}]}})", 3).has_value());
  CHECK(parsePlainJson("7", 0).has_value());
  // Far past any stack: refused, not recursed into.
  const std::string abyss = std::string(100000, '[') + std::string(100000, ']');
  CHECK_FALSE(parsePlainJson(abyss, 64).has_value());
}

TEST_CASE("parsePlainJson agrees with nlohmann on 40,000 random texts and broken copies") {
  std::mt19937_64 random(20261202);
  int accepted = 0;
  for (int i = 0; i < 20000; ++i) {
    const std::string text = randomJson(random, 0);
    checkAgainstNlohmann(text);
    checkAgainstNlohmann(mutate(text, random));
    accepted += parsePlainJson(text, kDeep).has_value() ? 1 : 0;
  }
  // The generator keeps most texts inside the subset, so the comparison has teeth.
  CHECK(accepted > 5000);
}
