#pragma once

#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>

namespace nba::mcp {

// A JSON value, or none, that every copy shares and nobody changes once it is made: a tool
// result's structured content. The result memo hands the same content to every hit, and the
// reply carries its text, written once (text()), so a memoised get_league_leaders neither
// copies nor writes its table again: copying its 3.7 KB of content cost ~25,000
// instructions a hit, and writing it most of the 39,000 its reply took. Reads like
// std::optional<json>. Thread-safe for reading; copies may go to other threads.
class SharedJson {
 public:
  SharedJson() = default;
  // Implicit, as std::optional<json>'s are: `result.structured = json{...}`, `= std::nullopt`.
  SharedJson(std::nullopt_t) {}
  SharedJson(nlohmann::json value) : held_(std::make_shared<Held>(std::move(value))) {}

  bool has_value() const { return held_ != nullptr; }
  explicit operator bool() const { return has_value(); }
  const nlohmann::json& operator*() const { return held_->value; }
  const nlohmann::json* operator->() const { return &held_->value; }
  // The value; throws std::bad_optional_access when there is none, as optional does.
  const nlohmann::json& value() const;
  void reset() { held_.reset(); }

  // The value, moved out when no other copy shares it (else copied), or `fallback`.
  nlohmann::json value_or(nlohmann::json fallback) &&;
  // The value as compact JSON text (appendJson's bytes), written on first use and kept.
  // Must have a value.
  const std::string& text() const;
  // The value to keep alive while reading it in place.
  std::shared_ptr<const nlohmann::json> shared() const {
    return held_ ? std::shared_ptr<const nlohmann::json>(held_, &held_->value) : nullptr;
  }

 private:
  struct Held {
    explicit Held(nlohmann::json v) : value(std::move(v)) {}
    nlohmann::json value;  // never changed once made
    std::once_flag written;
    std::string text;  // set once, under `written`
  };
  std::shared_ptr<Held> held_;
};

}  // namespace nba::mcp
