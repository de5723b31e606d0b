#include "origin/live/json_fields.h"

#include <cmath>

namespace nba::live {

using nlohmann::json;

// find() on a non-object is end(), so every accessor is total over any json value.

std::string textField(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

long long wholeField(const json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_number()) return 0;
  const double value = it->get<double>();
  return value >= 0 && value < 1e9 ? static_cast<long long>(value) : 0;
}

int countField(const json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_number()) return 0;
  const double value = it->get<double>();
  return value > -1000 && value < 1000 ? static_cast<int>(std::lround(value)) : 0;
}

const json& objectField(const json& object, const char* key) {
  static const json kEmpty = json::object();
  auto it = object.find(key);
  return it != object.end() && it->is_object() ? *it : kEmpty;
}

bool flagField(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_boolean() && it->get<bool>();
}

}  // namespace nba::live
