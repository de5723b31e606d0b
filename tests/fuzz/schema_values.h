#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <string_view>
#include <vector>

// Schema-aware argument generation shared by the libFuzzer target fuzz_tool_arguments and
// the black-box protocol fuzzer: valid arguments built from a tool's input schema (the
// subset schemas/*.json use), then broken the ways a client can break them.
namespace nba::fuzz {

// Where the generators get their decisions: libFuzzer's bytes or a seeded PRNG.
class Choices {
 public:
  virtual ~Choices() = default;
  // A number in [0, n); 0 when n is 0 (or, for libFuzzer, when the bytes run out).
  virtual std::uint64_t below(std::uint64_t n) = 0;

  bool oneIn(std::uint64_t n) { return below(n) == 0; }
  template <typename T>
  const T& pick(const std::vector<T>& items) {
    return items[below(items.size())];
  }
};

// Choices from std::mt19937_64, reproducible from the seed. Not thread-safe.
class RandomChoices : public Choices {
 public:
  explicit RandomChoices(std::uint64_t seed) : engine_(seed) {}
  std::uint64_t below(std::uint64_t n) override {
    return n == 0 ? 0 : std::uniform_int_distribution<std::uint64_t>(0, n - 1)(engine_);
  }

 private:
  std::mt19937_64 engine_;
};

struct GenerationLimits {
  // Deepest nesting a mutation may build (the server's known stack overflows start near
  // 30,000 in sanitizer builds, 100,000 in release; --avoid-known-crashes lowers this).
  std::size_t max_depth = 200000;
  // Longest string a mutation may build.
  std::size_t max_string_bytes = 64 * 1024;
};

// A value valid against `schema`, plausible for the property `name` ("player" gets a
// player's name, "date_from" a date, a season a season label or year).
nlohmann::json validValue(const nlohmann::json& schema, std::string_view name, Choices& choices);

// An argument object valid against a tool's input schema: every required property and a
// random choice of the optional ones.
nlohmann::json validArguments(const nlohmann::json& input_schema, Choices& choices);

// Breaks `arguments` in one to three ways a client can: a value of the wrong type, an edge
// number, a huge or oddly escaped string, deep nesting, a missing required or an unknown
// property, an array of the wrong size. Deep values are placeholders that render() expands.
void mutateArguments(nlohmann::json& arguments, const nlohmann::json& input_schema,
                     Choices& choices, const GenerationLimits& limits);

// A value of an unexpected kind: null, booleans, edge integers and floats, strings,
// arrays and objects of odd shapes.
nlohmann::json oddValue(Choices& choices, const GenerationLimits& limits);

// Valid UTF-8 of about `bytes` bytes (at least one character), heavy in escapes, control
// characters, quotes, markdown and non-ASCII.
std::string oddString(std::size_t bytes, Choices& choices);

// A placeholder for JSON nested `depth` deep, expanded by render(). Keeps the generators
// and their callers free of deep recursion.
nlohmann::json deepPlaceholder(std::size_t depth, Choices& choices);

// Compact JSON text of `value` with every deepPlaceholder() expanded to [[[…]]] or
// {"a":{"a":…}}. Strings are valid UTF-8, numbers finite: the text is always valid JSON.
std::string render(const nlohmann::json& value);

// The deepest nesting in `value`, counting a placeholder by the depth it expands to.
std::size_t renderedDepth(const nlohmann::json& value);

}  // namespace nba::fuzz
