// A tool result's structured content: shared by copies, written once.
#include "mcp/shared_json.h"

#include <doctest/doctest.h>

#include <optional>
#include <thread>
#include <vector>

using nba::mcp::SharedJson;
using nlohmann::json;

TEST_CASE("SharedJson reads like optional<json> and copies share one value") {
  SharedJson none;
  CHECK_FALSE(none.has_value());
  CHECK_FALSE(static_cast<bool>(none));
  CHECK_THROWS_AS(none.value(), std::bad_optional_access);
  CHECK(std::move(none).value_or(json::object()) == json::object());

  SharedJson leaders =
      json{{"stat", "PTS"}, {"rows", {{{"player", "Shai Gilgeous-Alexander"}, {"pts", 32.7}}}}};
  const SharedJson copy = leaders;  // NOLINT(performance-unnecessary-copy-initialization)
  CHECK(copy->at("rows").at(0).at("pts") == 32.7);
  CHECK(&*copy == &*leaders);
  CHECK(copy.shared().get() == &*leaders);

  leaders = std::nullopt;
  CHECK_FALSE(leaders.has_value());
  CHECK(copy.value().at("stat") == "PTS");  // the copy keeps it alive
}

TEST_CASE("SharedJson::value_or moves the value out only when no copy shares it") {
  SharedJson alone = json{{"rows", json::array({1, 2, 3})}};
  const json* before = &*alone;
  json taken = std::move(alone).value_or(json::object());
  CHECK(taken["rows"].size() == 3);
  CHECK(before->is_null());  // moved from: nobody else could see it

  SharedJson shared = json{{"rows", json::array({1, 2, 3})}};
  const SharedJson keeper = shared;  // NOLINT(performance-unnecessary-copy-initialization)
  json copied = std::move(shared).value_or(json::object());
  CHECK(copied["rows"].size() == 3);
  CHECK(keeper->at("rows").size() == 3);  // still whole for the memo that keeps it
}

TEST_CASE("SharedJson::text is nlohmann's bytes, written once for every thread") {
  const SharedJson content =
      json{{"player", "Nikola Jokić"}, {"pts", 29.6}, {"gp", 70}, {"note", "a\nb"}};
  const std::string expected = content->dump(-1, ' ', false, json::error_handler_t::replace);
  std::vector<const std::string*> seen(4, nullptr);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < seen.size(); ++i) {
    threads.emplace_back([&, i] { seen[i] = &content.text(); });
  }
  for (auto& thread : threads) thread.join();
  for (const std::string* text : seen) {
    CHECK(text == seen[0]);  // one text, written once
    CHECK(*text == expected);
  }
}
