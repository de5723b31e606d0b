#include "fuzz/schema_values.h"

#include <algorithm>
#include <limits>

namespace nba::fuzz {
namespace {

using nlohmann::json;

// "\u0001deep:<depth>:<a|o>": see deepPlaceholder().
constexpr std::string_view kDeepTag =
    "\x01"
    "deep:";

const std::vector<std::string> kPlayers = {"LeBron James", "Nikola Jokic",
                                           "Jokić",        "Giannis Antetokounmpo",
                                           "SGA",          "Wemby",
                                           "Steph",        "KD",
                                           "Davis",        "Luka Doncic",
                                           "Trae Young",   "Greek Freak",
                                           "Jimmy Butler", "Giannis Antetokoumpo",
                                           "Cui Yongxi"};
const std::vector<std::string> kTeams = {
    "BOS", "Lakers", "Cavs",   "LA",      "Knicks", "Golden State Warriors",
    "PHX", "BRK",    "Sixers", "Nuggets", "Wolves", "Dubs"};
const std::vector<std::string> kSeasons = {"2024-25",     "2023-24",     "2025-26",
                                           "this season", "last season", "2019-20"};
const std::vector<std::string> kStats = {"PTS",        "points", "REB",    "AST",   "3P%",
                                         "FG3M",       "TS_PCT", "threes", "W_PCT", "NET_RATING",
                                         "DEF_RATING", "PACE",   "PER",    "ppg",   "turnovers"};
const std::vector<std::string> kDates = {"2025-04-13", "2024-12-25", "2026-02-21",
                                         "2023-10-24", "2025-02-30", "2024-02-29"};
const std::vector<std::string> kQuestions = {
    "Who leads the NBA in points?",
    "Compare Luka Doncic and Trae Young",
    "best defensive team in the West",
    "did the Knicks beat the Celtics",
    "How many rebounds did Jokic average last season and who won MVP?",
    "Lakers home games in March",
    "top 5 scorers in the East 2023-24"};
const std::vector<std::string> kAwards = {"MVP", "DPOY", "ROY", "6MOY", "MIP", "All-NBA", "Clutch"};
const std::vector<std::string> kGameIds = {"0022400001", "0022401199", "0022300500", "0"};
const std::vector<std::string> kDivisions = {"Atlantic",  "Central", "Southeast",
                                             "Northwest", "Pacific", "Southwest"};

// Pieces oddString() is built from: each valid UTF-8 on its own.
const std::vector<std::string> kOddPieces = {"\"",     "\\",     "\\u0000", std::string(1, '\0'),
                                             "\n",     "\r\n",   "\t",      "\x01",
                                             "\x7f",   "é",      "Jokić",   "🏀",
                                             "\u202e", "\u2028", "\ufeff",  "｜",
                                             "|",      "*",      "`",       "<script>",
                                             "%s%n",   "{}",     "${x}",    "../",
                                             "'",      "\\\"",   " ",       "a",
                                             "0",      "-",      "e\u0301", "日本"};

std::string singular(std::string_view name) {
  if (name.size() > 1 && name.back() == 's') {
    return std::string(name.substr(0, name.size() - 1));
  }
  return std::string(name);
}

json stringFor(std::string_view name, Choices& choices) {
  if (name == "player" || name == "query") {
    return choices.pick(kPlayers);
  }
  if (name == "team" || name == "team_a" || name == "team_b") {
    return choices.pick(kTeams);
  }
  if (name == "season") {
    return choices.pick(kSeasons);
  }
  if (name == "stat") {
    return choices.pick(kStats);
  }
  if (name == "question") {
    return choices.pick(kQuestions);
  }
  if (name == "award") {
    return choices.pick(kAwards);
  }
  if (name == "game_id") {
    return choices.pick(kGameIds);
  }
  if (name == "division") {
    return choices.pick(kDivisions);
  }
  if (name == "conference") {
    return choices.oneIn(2) ? "East" : "West";
  }
  if (name == "date" && choices.oneIn(3)) {
    return choices.oneIn(2) ? "today" : "yesterday";
  }
  if (name.find("date") != std::string_view::npos) {
    return choices.pick(kDates);
  }
  return choices.oneIn(2) ? choices.pick(kPlayers) : choices.pick(kTeams);
}

// The schema's "type" as a list ("integer" → {"integer"}; absent → {}).
std::vector<std::string> typesOf(const json& schema) {
  std::vector<std::string> types;
  auto type = schema.find("type");
  if (type == schema.end()) {
    return types;
  }
  if (type->is_string()) {
    types.push_back(type->get<std::string>());
  } else if (type->is_array()) {
    for (const json& t : *type) {
      if (t.is_string()) {
        types.push_back(t.get<std::string>());
      }
    }
  }
  return types;
}

std::int64_t boundOr(const json& schema, const char* key, std::int64_t fallback) {
  auto it = schema.find(key);
  return it != schema.end() && it->is_number_integer() ? it->get<std::int64_t>() : fallback;
}

const json* propertiesOf(const json& schema) {
  auto it = schema.find("properties");
  return it != schema.end() && it->is_object() ? &*it : nullptr;
}

std::vector<std::string> requiredOf(const json& schema) {
  std::vector<std::string> names;
  auto it = schema.find("required");
  if (it != schema.end() && it->is_array()) {
    for (const json& name : *it) {
      if (name.is_string()) {
        names.push_back(name.get<std::string>());
      }
    }
  }
  return names;
}

// A property of `arguments` (or, when it has none, of the schema) to break.
std::string targetProperty(const json& arguments, const json& schema, Choices& choices) {
  std::vector<std::string> names;
  for (const auto& [name, value] : arguments.items()) {
    names.push_back(name);
  }
  if (names.empty() || choices.oneIn(4)) {
    if (const json* properties = propertiesOf(schema)) {
      for (const auto& [name, value] : properties->items()) {
        names.push_back(name);
      }
    }
  }
  if (names.empty()) {
    names.push_back("unexpected");
  }
  return choices.pick(names);
}

std::size_t pickDepth(Choices& choices, const GenerationLimits& limits) {
  static const std::vector<std::size_t> kDepths = {2,     10,    100,   1000,   5000,
                                                   20000, 30000, 50000, 100000, 200000};
  std::size_t depth = choices.oneIn(4) ? 1 + choices.below(64) : choices.pick(kDepths);
  return std::min(depth, std::max<std::size_t>(limits.max_depth, 1));
}

std::size_t pickLength(Choices& choices, const GenerationLimits& limits) {
  static const std::vector<std::size_t> kLengths = {0,   1,   2,   5,    20,        100,
                                                    101, 500, 501, 2000, 64 * 1024, 1 << 20};
  return std::min(choices.pick(kLengths), limits.max_string_bytes);
}

json edgeNumber(Choices& choices, const json& schema) {
  const std::int64_t min = boundOr(schema, "minimum", 0);
  const std::int64_t max = boundOr(schema, "maximum", 100);
  switch (choices.below(14)) {
    case 0:
      return min - 1;
    case 1:
      return max + 1;
    case 2:
      return 0;
    case 3:
      return -1;
    case 4:
      return std::numeric_limits<std::int64_t>::max();
    case 5:
      return std::numeric_limits<std::int64_t>::min();
    case 6:
      return std::numeric_limits<std::uint64_t>::max();
    case 7:
      return 1e20;
    case 8:
      return static_cast<double>(max);  // 50.0: an integer in JSON Schema's eyes
    case 9:
      return 2.5;
    case 10:
      return -0.0;
    case 11:
      return 1.2345678901234568e+29;  // what 123456789012345678901234567890 parses to
    case 12:
      return 9007199254740993LL;  // 2^53 + 1
    default:
      return 1e308;
  }
}

}  // namespace

json validValue(const json& schema, std::string_view name, Choices& choices) {
  if (!schema.is_object()) {
    return nullptr;
  }
  if (auto e = schema.find("enum"); e != schema.end() && e->is_array() && !e->empty()) {
    return (*e)[choices.below(e->size())];
  }
  if (auto c = schema.find("const"); c != schema.end()) {
    return *c;
  }
  for (const char* key : {"anyOf", "oneOf"}) {
    if (auto branches = schema.find(key);
        branches != schema.end() && branches->is_array() && !branches->empty()) {
      return validValue((*branches)[choices.below(branches->size())], name, choices);
    }
  }
  std::vector<std::string> types = typesOf(schema);
  const std::string type = types.empty() ? "string" : choices.pick(types);
  if (type == "integer" || type == "number") {
    const std::int64_t min = boundOr(schema, "minimum", name == "season" ? 2024 : 0);
    const std::int64_t max = std::max(min, boundOr(schema, "maximum", min + 100));
    if (name == "season") {
      return choices.oneIn(2) ? 2025 : 2024;
    }
    switch (choices.below(4)) {
      case 0:
        return min;
      case 1:
        return max;
      default:
        return min + static_cast<std::int64_t>(choices.below(max - min + 1));
    }
  }
  if (type == "boolean") {
    return choices.oneIn(2);
  }
  if (type == "null") {
    return nullptr;
  }
  if (type == "array") {
    const std::int64_t min_items = boundOr(schema, "minItems", 0);
    const std::int64_t max_items = std::max(min_items, boundOr(schema, "maxItems", min_items + 3));
    const std::int64_t count =
        min_items + static_cast<std::int64_t>(choices.below(max_items - min_items + 1));
    static const json kAny = json::object();
    auto items = schema.find("items");
    json array = json::array();
    for (std::int64_t i = 0; i < count; ++i) {
      array.push_back(validValue(items != schema.end() ? *items : kAny, singular(name), choices));
    }
    return array;
  }
  if (type == "object") {
    return validArguments(schema, choices);
  }
  return stringFor(name, choices);
}

json validArguments(const json& input_schema, Choices& choices) {
  json arguments = json::object();
  const std::vector<std::string> required = requiredOf(input_schema);
  if (const json* properties = propertiesOf(input_schema)) {
    for (const auto& [name, schema] : properties->items()) {
      const bool needed = std::find(required.begin(), required.end(), name) != required.end();
      if (needed || choices.oneIn(2)) {
        arguments[name] = validValue(schema, name, choices);
      }
    }
  }
  return arguments;
}

json oddValue(Choices& choices, const GenerationLimits& limits) {
  switch (choices.below(12)) {
    case 0:
      return nullptr;
    case 1:
      return choices.oneIn(2);
    case 2:
      return edgeNumber(choices, json::object());
    case 3:
      return "";
    case 4:
      return oddString(pickLength(choices, limits), choices);
    case 5:
      return json::array();
    case 6:
      return json::object();
    case 7:
      return json::array({1, "a", nullptr, json::object(), json::array({true})});
    case 8:
      return json{{"a", 1}, {"", nullptr}, {"__proto__", json::object()}};
    case 9:
      return deepPlaceholder(pickDepth(choices, limits), choices);
    case 10:
      return choices.pick(kPlayers);
    default:
      return json::array({choices.pick(kTeams), choices.pick(kTeams)});
  }
}

std::string oddString(std::size_t bytes, Choices& choices) {
  std::string text;
  if (choices.oneIn(3)) {
    // One character repeated: the cheapest huge string.
    text.assign(std::max<std::size_t>(bytes, 1), choices.oneIn(2) ? 'x' : ' ');
    return text;
  }
  while (text.size() < std::max<std::size_t>(bytes, 1)) {
    text += choices.pick(kOddPieces);
  }
  return text;
}

json deepPlaceholder(std::size_t depth, Choices& choices) {
  return std::string(kDeepTag) + std::to_string(depth) + (choices.oneIn(2) ? ":a" : ":o");
}

void mutateArguments(json& arguments, const json& input_schema, Choices& choices,
                     const GenerationLimits& limits) {
  if (!arguments.is_object()) {
    arguments = json::object();
  }
  const std::size_t rounds = 1 + choices.below(3);
  for (std::size_t round = 0; round < rounds; ++round) {
    const std::string name = targetProperty(arguments, input_schema, choices);
    json& slot = arguments[name];
    switch (choices.below(10)) {
      case 0:  // wrong type
        slot = oddValue(choices, limits);
        break;
      case 1:  // edge number
        slot = edgeNumber(choices, propertiesOf(input_schema) != nullptr
                                       ? propertiesOf(input_schema)->value(name, json::object())
                                       : json::object());
        break;
      case 2:  // huge string
        slot = oddString(pickLength(choices, limits), choices);
        break;
      case 3:  // short odd string
        slot = oddString(1 + choices.below(12), choices);
        break;
      case 4:  // deep nesting
        slot = deepPlaceholder(pickDepth(choices, limits), choices);
        break;
      case 5: {  // missing required property
        arguments.erase(name);
        std::vector<std::string> required = requiredOf(input_schema);
        if (!required.empty()) {
          arguments.erase(choices.pick(required));
        }
        break;
      }
      case 6:  // unknown property (a near miss of a real one, or anything)
        arguments.erase(name);
        arguments[choices.oneIn(2) ? name + " " : oddString(1 + choices.below(8), choices)] =
            oddValue(choices, limits);
        break;
      case 7: {  // array of the wrong size or with wrong items
        json array = json::array();
        const std::size_t count = choices.pick(std::vector<std::size_t>{0, 1, 5, 100, 1000});
        for (std::size_t i = 0; i < count; ++i) {
          array.push_back(choices.oneIn(3) ? oddValue(choices, limits) : stringFor(name, choices));
        }
        slot = std::move(array);
        break;
      }
      case 8: {  // many unknown properties
        const std::size_t count = 1 + choices.below(300);
        for (std::size_t i = 0; i < count; ++i) {
          arguments["x" + std::to_string(i)] = static_cast<std::int64_t>(i);
        }
        break;
      }
      default:  // a valid value for another property's name (e.g. a team as a player)
        slot = stringFor(targetProperty(arguments, input_schema, choices), choices);
        break;
    }
  }
}

std::string render(const json& value) {
  const std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
  // In the dump a placeholder reads "\u0001deep:<depth>:<kind>".
  static constexpr std::string_view kDumpedTag = "\"\\u0001deep:";
  std::string out;
  std::size_t from = 0;
  while (true) {
    const std::size_t at = text.find(kDumpedTag, from);
    if (at == std::string::npos) {
      out.append(text, from, std::string::npos);
      return out;
    }
    out.append(text, from, at - from);
    const std::size_t digits = at + kDumpedTag.size();
    const std::size_t colon = text.find(':', digits);
    const std::size_t depth = std::stoul(text.substr(digits, colon - digits));
    const bool array = text[colon + 1] == 'a';
    for (std::size_t i = 0; i < depth; ++i) {
      out += array ? "[" : "{\"a\":";
    }
    out += array ? "" : "1";
    out.append(depth, array ? ']' : '}');
    from = colon + 3;  // past the kind letter and the closing quote
  }
}

std::size_t renderedDepth(const json& value) {
  if (value.is_string()) {
    const std::string& text = value.get_ref<const std::string&>();
    if (text.rfind(kDeepTag, 0) == 0) {
      return std::stoul(text.substr(kDeepTag.size()));
    }
    return 0;
  }
  std::size_t deepest = 0;
  if (value.is_structured()) {
    for (const json& child : value) {
      deepest = std::max(deepest, renderedDepth(child));
    }
    return deepest + 1;
  }
  return 0;
}

}  // namespace nba::fuzz
