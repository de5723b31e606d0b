#include "mcp/json_writer.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string>

using nba::mcp::appendJson;
using nlohmann::json;

namespace {

std::string written(const json& value) {
  std::string out = "prefix:";  // appends, never replaces
  appendJson(out, value);
  REQUIRE(out.rfind("prefix:", 0) == 0);
  return out.substr(7);
}

std::string dumped(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

// Strings that reach every branch: plain ASCII, each escape, well-formed and broken UTF-8.
std::string randomString(std::mt19937_64& random) {
  static const std::string kPieces[] = {
      "a", "Shai Gilgeous-Alexander", " ", "\"", "\\", "/", "\n", "\t", "\r", "\b", "\f",
      std::string(1, '\0'), "\x01", "\x1f", "\x7f", "Dončić", "Jokić", "€", "😀", "\xc2\x80",
      "\xdf\xbf", "\xe0\xa0\x80", "\xed\x9f\xbf", "\xef\xbf\xbd", "\xf0\x90\x80\x80",
      "\xf4\x8f\xbf\xbf",
      // broken: lone continuation, overlong, surrogate, above U+10FFFF, truncated, bad lead
      "\x80", "\xc0\xaf", "\xc1\xbf", "\xe0\x80\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80",
      "\xf0\x80\x80\xaf", "\xc3", "\xe2\x82", "\xf0\x9f\x98", "\xf5\x80\x80\x80", "\xff", "\xfe"};
  std::string text;
  const int pieces = static_cast<int>(random() % 6);
  for (int i = 0; i < pieces; ++i) {
    text += kPieces[random() % std::size(kPieces)];
  }
  return text;
}

double randomDouble(std::mt19937_64& random) {
  static const double kEdges[] = {0.0,
                                  -0.0,
                                  1.0,
                                  -1.5,
                                  32.7,
                                  0.1,
                                  1e15,
                                  1e16,
                                  1e21,
                                  1e-5,
                                  123456789.125,
                                  std::numeric_limits<double>::max(),
                                  std::numeric_limits<double>::min(),
                                  std::numeric_limits<double>::denorm_min(),
                                  std::numeric_limits<double>::infinity(),
                                  -std::numeric_limits<double>::infinity(),
                                  std::numeric_limits<double>::quiet_NaN()};
  if (random() % 2 == 0) {
    return kEdges[random() % std::size(kEdges)];
  }
  const std::uint64_t bits = random();
  double number;
  std::memcpy(&number, &bits, sizeof number);
  return number;
}

json randomValue(std::mt19937_64& random, int depth) {
  switch (random() % (depth > 3 ? 6 : 8)) {
    case 0:
      return nullptr;
    case 1:
      return random() % 2 == 0;
    case 2:
      return static_cast<std::int64_t>(random());
    case 3:
      return static_cast<std::uint64_t>(random());
    case 4:
      return randomDouble(random);
    case 5:
      return randomString(random);
    case 6: {
      json array = json::array();
      for (int i = static_cast<int>(random() % 4); i > 0; --i) {
        array.push_back(randomValue(random, depth + 1));
      }
      return array;
    }
    default: {
      json object = json::object();
      for (int i = static_cast<int>(random() % 4); i > 0; --i) {
        object[randomString(random)] = randomValue(random, depth + 1);
      }
      return object;
    }
  }
}

}  // namespace

TEST_CASE("appendJson writes what nlohmann's dump writes, for a tool's reply") {
  const json reply = {
      {"content", {{{"type", "text"}, {"text", "## Points per game, 2024-25\n\n| 1 | Shai"}}}},
      {"structuredContent",
       {{"leaders", {{{"player", "Shai Gilgeous-Alexander"}, {"value", 32.7}, {"rank", 1}}}},
        {"season", "2024-25"},
        {"games", 76u},
        {"coverage", nullptr},
        {"ok", true}}}};
  const std::string expected =
      R"({"content":[{"text":"## Points per game, 2024-25\n\n| 1 | Shai","type":"text"}],)"
      R"("structuredContent":{"coverage":null,"games":76,"leaders":[{"player":)"
      R"("Shai Gilgeous-Alexander","rank":1,"value":32.7}],"ok":true,"season":"2024-25"}})";
  CHECK(written(reply) == expected);
  CHECK(dumped(reply) == expected);
}

TEST_CASE("appendJson escapes and replaces exactly as nlohmann does") {
  CHECK(written("tab\there \"quoted\" back\\slash") == R"("tab\there \"quoted\" back\\slash")");
  CHECK(written(std::string("nul\0bell\x07", 9)) == R"("nul\u0000bell\u0007")");
  CHECK(written("Luka Dončić \x7f") == "\"Luka Dončić \x7f\"");  // DEL and UTF-8 stay raw
  CHECK(written(std::string("broken \xc3 here")) == "\"broken \xef\xbf\xbd here\"");
  CHECK(written(std::string("surrogate \xed\xa0\x80")) ==
        dumped(std::string("surrogate \xed\xa0\x80")));
  CHECK(written(std::nan("")) == "null");
  CHECK(written(-0.0) == "-0.0");
  CHECK(written(1e21) == "1e+21");
  CHECK(written(json::binary({1, 2, 3})) == dumped(json::binary({1, 2, 3})));
}

TEST_CASE("appendJson matches nlohmann's dump on 20,000 random documents") {
  std::mt19937_64 random(20261201);
  int mismatches = 0;
  std::string first_mismatch;
  for (int i = 0; i < 20'000; ++i) {
    const json value = randomValue(random, 0);
    if (written(value) != dumped(value)) {
      if (mismatches++ == 0) first_mismatch = dumped(value);
    }
  }
  CHECK_MESSAGE(mismatches == 0, "first: " << first_mismatch);
}

TEST_CASE("appendJsonReplacing writes the object as if the member held the other value") {
  std::mt19937_64 random(20261202);
  for (int i = 0; i < 2'000; ++i) {
    json object = json::object();
    const int members = static_cast<int>(random() % 5);
    for (int m = 0; m < members; ++m) {
      object["k" + std::to_string(random() % 7)] = randomValue(random, 1);
    }
    object["structuredContent"] = nullptr;  // the placeholder toolResultJson leaves
    const json content = randomValue(random, 0);
    json expected = object;
    expected["structuredContent"] = content;
    std::string out = "prefix:";
    nba::mcp::appendJsonReplacing(out, object, "structuredContent", written(content));
    REQUIRE(out == "prefix:" + dumped(expected));
  }
  std::string scalar;
  nba::mcp::appendJsonReplacing(scalar, json(7), "structuredContent", "\"x\"");
  CHECK(scalar == "7");  // not an object: written as it is
}
