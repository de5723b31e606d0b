#include "mcp/schema_validator.h"

#include <cmath>
#include <cstdint>
#include <set>

#include "core/user_text.h"

namespace nba::mcp {
namespace {

using nlohmann::json;

constexpr std::size_t kPreviewChars = 60;

std::size_t countCodePoints(const std::string& text) {
  std::size_t count = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) {
      ++count;
    }
  }
  return count;
}

bool isInteger(const json& value) {
  if (value.is_number_integer()) {
    return true;
  }
  if (value.is_number_float()) {
    double d = value.get<double>();
    return std::isfinite(d) && std::floor(d) == d;
  }
  return false;
}

bool matchesType(const json& value, const std::string& type) {
  if (type == "object") return value.is_object();
  if (type == "array") return value.is_array();
  if (type == "string") return value.is_string();
  if (type == "integer") return isInteger(value);
  if (type == "number") return value.is_number();
  if (type == "boolean") return value.is_boolean();
  if (type == "null") return value.is_null();
  return true;
}

std::string typeOf(const json& value) {
  if (isInteger(value)) return "integer";
  if (value.is_number()) return "number";
  return value.type_name();
}

// A short rendering of a bad value for error messages: long values cut, markup and
// control characters neutralised (the value is the client's).
std::string preview(const json& value) {
  if (value.is_string() && value.get_ref<const std::string&>().size() > 4 * kPreviewChars) {
    // Dumping a megabyte to show sixty characters of it: cut first.
    return echoUserText(
        "\"" + value.get_ref<const std::string&>().substr(0, 4 * kPreviewChars) + "\"",
        kPreviewChars);
  }
  return echoUserText(value.dump(-1, ' ', false, json::error_handler_t::replace), kPreviewChars);
}

// The schema's own values (enums, constants), ours and trusted: shown as written.
std::string schemaText(const json& value) {
  std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
  if (text.size() > 4 * kPreviewChars) {
    text = text.substr(0, 4 * kPreviewChars - 3) + "...";
  }
  return text;
}

bool isDate(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return false;
  }
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') {
      return false;
    }
  }
  int year = std::stoi(text.substr(0, 4));
  int month = std::stoi(text.substr(5, 2));
  int day = std::stoi(text.substr(8, 2));
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1]) {
    return false;
  }
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return !(month == 2 && day == 29 && !leap);
}

class Validator {
 public:
  explicit Validator(std::size_t max) : max_(max) {}
  std::vector<SchemaViolation> violations;

  void validate(const json& value, const json& schema, const std::string& path) {
    if (full() || !schema.is_object()) {
      return;
    }
    if (!checkType(value, schema, path)) {
      return;  // further keywords would only repeat the type error
    }
    checkEnumAndConst(value, schema, path);
    if (value.is_number()) checkNumber(value, schema, path);
    if (value.is_string()) checkString(value, schema, path);
    if (value.is_array()) checkArray(value, schema, path);
    if (value.is_object()) checkObject(value, schema, path);
    checkCombinators(value, schema, path);
  }

 private:
  bool full() const { return violations.size() >= max_; }
  void add(const std::string& path, std::string message) {
    if (!full()) {
      violations.push_back({path, std::move(message)});
    }
  }

  bool checkType(const json& value, const json& schema, const std::string& path) {
    auto type = schema.find("type");
    if (type == schema.end()) {
      return true;
    }
    std::string expected;
    if (type->is_string()) {
      if (matchesType(value, type->get_ref<const std::string&>())) return true;
      expected = type->get<std::string>();
    } else if (type->is_array()) {
      for (const auto& t : *type) {
        if (t.is_string() && matchesType(value, t.get_ref<const std::string&>())) return true;
        expected += (expected.empty() ? "" : " or ") + t.get<std::string>();
      }
    } else {
      return true;
    }
    add(path, "expected " + expected + ", got " + typeOf(value) + " " + preview(value));
    return false;
  }

  void checkEnumAndConst(const json& value, const json& schema, const std::string& path) {
    auto allowed = schema.find("enum");
    if (allowed != schema.end() && allowed->is_array()) {
      bool found = false;
      for (const auto& option : *allowed) {
        found = found || option == value;
      }
      if (!found) {
        add(path, "must be one of " + schemaText(*allowed) + " (got " + preview(value) + ")");
      }
    }
    auto constant = schema.find("const");
    if (constant != schema.end() && *constant != value) {
      add(path, "must be " + schemaText(*constant) + " (got " + preview(value) + ")");
    }
  }

  void checkNumber(const json& value, const json& schema, const std::string& path) {
    double v = value.get<double>();
    auto bound = [&](const char* key, auto fails, const char* words) {
      auto it = schema.find(key);
      if (it != schema.end() && it->is_number() && fails(v, it->get<double>())) {
        add(path, std::string("must be ") + words + " " + schemaText(*it) + " (got " +
                      preview(value) + ")");
      }
    };
    bound(
        "minimum", [](double x, double b) { return x < b; }, "at least");
    bound(
        "maximum", [](double x, double b) { return x > b; }, "at most");
    bound(
        "exclusiveMinimum", [](double x, double b) { return x <= b; }, "greater than");
    bound(
        "exclusiveMaximum", [](double x, double b) { return x >= b; }, "less than");
  }

  void checkString(const json& value, const json& schema, const std::string& path) {
    const auto& text = value.get_ref<const std::string&>();
    std::size_t length = countCodePoints(text);
    auto min = schema.find("minLength");
    if (min != schema.end() && min->is_number_unsigned() && length < min->get<std::size_t>()) {
      add(path,
          "must be at least " + min->dump() + " characters (got " + std::to_string(length) + ")");
    }
    auto max = schema.find("maxLength");
    if (max != schema.end() && max->is_number_unsigned() && length > max->get<std::size_t>()) {
      add(path,
          "must be at most " + max->dump() + " characters (got " + std::to_string(length) + ")");
    }
    auto format = schema.find("format");
    if (format != schema.end() && *format == "date" && !isDate(text)) {
      add(path, "must be a real calendar date as YYYY-MM-DD (got " + preview(value) + ")");
    }
  }

  void checkArray(const json& value, const json& schema, const std::string& path) {
    auto min = schema.find("minItems");
    if (min != schema.end() && min->is_number_unsigned() &&
        value.size() < min->get<std::size_t>()) {
      add(path,
          "needs at least " + min->dump() + " items (got " + std::to_string(value.size()) + ")");
    }
    auto max = schema.find("maxItems");
    if (max != schema.end() && max->is_number_unsigned() &&
        value.size() > max->get<std::size_t>()) {
      add(path,
          "takes at most " + max->dump() + " items (got " + std::to_string(value.size()) + ")");
    }
    auto unique = schema.find("uniqueItems");
    if (unique != schema.end() && *unique == true) {
      std::set<std::string> seen;
      for (const auto& item : value) {
        if (!seen.insert(item.dump()).second) {
          add(path, "must not repeat items (" + preview(item) + " appears twice)");
          break;
        }
      }
    }
    auto items = schema.find("items");
    if (items != schema.end() && items->is_object()) {
      std::size_t i = 0;
      for (const auto& item : value) {
        validate(item, *items, path + "[" + std::to_string(i++) + "]");
      }
    }
  }

  // A key the schema defines: ours, shown as written.
  static std::string knownChild(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
  }

  // Any other key comes from the client: echoed safely, like any user text.
  static std::string child(const std::string& path, const std::string& key) {
    std::string safe_key = echoUserText(key, 40);
    return path.empty() ? safe_key : path + "." + safe_key;
  }

  void checkObject(const json& value, const json& schema, const std::string& path) {
    auto required = schema.find("required");
    if (required != schema.end() && required->is_array()) {
      for (const auto& name : *required) {
        if (name.is_string() && !value.contains(name.get_ref<const std::string&>())) {
          add(knownChild(path, name.get<std::string>()), "is required");
        }
      }
    }
    auto properties = schema.find("properties");
    auto additional = schema.find("additionalProperties");
    for (const auto& [key, member] : value.items()) {
      auto property = properties != schema.end() ? properties->find(key) : schema.end();
      if (properties != schema.end() && property != properties->end()) {
        validate(member, *property, knownChild(path, key));
      } else if (additional != schema.end()) {
        if (additional->is_boolean() && !additional->get<bool>()) {
          add(child(path, key), "is not a known argument" + knownNames(properties, schema));
        } else if (additional->is_object()) {
          validate(member, *additional, child(path, key));
        }
      }
    }
  }

  static std::string knownNames(const json::const_iterator& properties, const json& schema) {
    if (properties == schema.end() || properties->empty()) {
      return " (this takes no arguments)";
    }
    std::string names;
    for (const auto& [name, unused] : properties->items()) {
      names += (names.empty() ? "" : ", ") + name;
    }
    return " (known: " + names + ")";
  }

  void checkCombinators(const json& value, const json& schema, const std::string& path) {
    for (const char* keyword : {"anyOf", "oneOf"}) {
      auto options = schema.find(keyword);
      if (options == schema.end() || !options->is_array()) {
        continue;
      }
      std::size_t matches = 0;
      std::string first_reason;
      for (const auto& option : *options) {
        Validator inner(1);
        inner.validate(value, option, path);
        if (inner.violations.empty()) {
          ++matches;
        } else if (first_reason.empty()) {
          first_reason = inner.violations[0].message;
        }
      }
      bool one_of = std::string(keyword) == "oneOf";
      if (matches == 0) {
        add(path, "matches none of the accepted forms (" + first_reason + ")");
      } else if (one_of && matches > 1) {
        add(path, "matches more than one accepted form");
      }
    }
  }

  std::size_t max_;
};

}  // namespace

std::vector<SchemaViolation> validateAgainstSchema(const json& value, const json& schema,
                                                   std::size_t max_violations) {
  Validator validator(max_violations);
  validator.validate(value, schema, "");
  return std::move(validator.violations);
}

namespace {

constexpr double kMaxExactInteger = 9007199254740992.0;  // 2^53

bool isConvertibleFloat(const json& value) {
  if (!value.is_number_float()) {
    return false;
  }
  double d = value.get<double>();
  return std::isfinite(d) && std::floor(d) == d && std::fabs(d) <= kMaxExactInteger;
}

bool hasConvertibleFloat(const json& value) {
  if (isConvertibleFloat(value)) {
    return true;
  }
  if (value.is_structured()) {
    for (const auto& child : value) {
      if (hasConvertibleFloat(child)) {
        return true;
      }
    }
  }
  return false;
}

void convertFloats(json& value) {
  if (isConvertibleFloat(value)) {
    value = static_cast<std::int64_t>(value.get<double>());
    return;
  }
  if (value.is_structured()) {
    for (auto& child : value) {
      convertFloats(child);
    }
  }
}

}  // namespace

std::optional<json> withIntegralFloatsAsIntegers(const json& value) {
  if (!hasConvertibleFloat(value)) {
    return std::nullopt;
  }
  json converted = value;
  convertFloats(converted);
  return converted;
}

std::string describeViolations(const std::vector<SchemaViolation>& violations,
                               const std::string& root_name) {
  std::string text;
  for (const auto& violation : violations) {
    if (!text.empty()) {
      text += "; ";
    }
    text += (violation.path.empty() ? root_name : violation.path) + ": " + violation.message;
  }
  return text;
}

}  // namespace nba::mcp
