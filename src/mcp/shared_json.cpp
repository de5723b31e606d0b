#include "mcp/shared_json.h"

#include "mcp/json_writer.h"

namespace nba::mcp {

const nlohmann::json& SharedJson::value() const {
  if (!held_) throw std::bad_optional_access();
  return held_->value;
}

nlohmann::json SharedJson::value_or(nlohmann::json fallback) && {
  if (!held_) return fallback;
  if (held_.use_count() == 1) return std::move(held_->value);  // nobody else can see it
  return held_->value;
}

const std::string& SharedJson::text() const {
  Held& held = *held_;
  std::call_once(held.written, [&held] { appendJson(held.text, held.value); });
  return held.text;
}

}  // namespace nba::mcp
