#include "mcp/message.h"

#include <cctype>
#include <type_traits>

namespace nba::mcp {
namespace {

using nlohmann::json;

// Captures the parser's own error text; used only after a parse failed, so the
// success path pays nothing for it.
class ErrorCapture : public nlohmann::json_sax<json> {
 public:
  std::string reason;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::detail::exception& ex) override {
    (void)last_token;
    std::string what = ex.what();
    // nlohmann prefixes "[json.exception.parse_error.101] "; keep the readable part.
    auto bracket = what.find("] ");
    reason = "invalid JSON at byte " + std::to_string(position) + ": " +
             (bracket == std::string::npos ? what : what.substr(bracket + 2));
    return false;
  }
};

size_t skipSpace(std::string_view s, size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) {
    ++i;
  }
  return i;
}

// Returns the index just past the string starting at s[i] == '"'.
size_t skipString(std::string_view s, size_t i) {
  for (++i; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == '"') {
      return i + 1;
    }
  }
  return s.size();
}

// Returns the index just past the JSON value starting at s[i].
size_t skipValue(std::string_view s, size_t i) {
  if (i >= s.size()) {
    return i;
  }
  if (s[i] == '"') {
    return skipString(s, i);
  }
  if (s[i] == '{' || s[i] == '[') {
    int depth = 0;
    while (i < s.size()) {
      char c = s[i];
      if (c == '"') {
        i = skipString(s, i);
        continue;
      }
      if (c == '{' || c == '[') {
        ++depth;
      } else if (c == '}' || c == ']') {
        if (--depth == 0) {
          return i + 1;
        }
      }
      ++i;
    }
    return i;
  }
  while (i < s.size() && s[i] != ',' && s[i] != '}' && s[i] != ']' &&
         !std::isspace(static_cast<unsigned char>(s[i]))) {
    ++i;
  }
  return i;
}

bool isIntegerLiteral(std::string_view text) {
  size_t i = (!text.empty() && text[0] == '-') ? 1 : 0;
  if (i >= text.size()) {
    return false;
  }
  for (; i < text.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) {
      return false;
    }
  }
  return true;
}

// The id's exact text, or an error when it is not a string or an integer.
std::variant<RequestId, RpcError> readId(const json& id, std::string_view raw) {
  if (id.is_string() || id.is_number_integer()) {
    return RequestId(dumpJson(id));
  }
  if (id.is_number_float()) {
    // An integer too large for 64 bits parses as a double; recover its exact digits.
    auto text = topLevelMemberText(raw, "id");
    if (text && isIntegerLiteral(*text)) {
      return RequestId(std::string(*text));
    }
  }
  return invalidRequest("Invalid Request: \"id\" must be a string or an integer, got " +
                        std::string(id.type_name()));
}

}  // namespace

std::string dumpJson(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::variant<json, std::string> parseJson(std::string_view text) {
  json value = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!value.is_discarded()) {
    return value;
  }
  ErrorCapture capture;
  json::sax_parse(text, &capture, json::input_format_t::json, /*strict=*/true);
  if (capture.reason.empty()) {
    capture.reason = "invalid JSON";
  }
  return capture.reason;
}

std::optional<std::string_view> topLevelMemberText(std::string_view raw, std::string_view key) {
  size_t i = skipSpace(raw, 0);
  if (i >= raw.size() || raw[i] != '{') {
    return std::nullopt;
  }
  ++i;
  while (true) {
    i = skipSpace(raw, i);
    if (i >= raw.size() || raw[i] != '"') {
      return std::nullopt;
    }
    size_t key_end = skipString(raw, i);
    std::string_view this_key = raw.substr(i + 1, key_end - i - 2);
    i = skipSpace(raw, key_end);
    if (i >= raw.size() || raw[i] != ':') {
      return std::nullopt;
    }
    i = skipSpace(raw, i + 1);
    size_t value_end = skipValue(raw, i);
    if (this_key == key) {
      return raw.substr(i, value_end - i);
    }
    i = skipSpace(raw, value_end);
    if (i >= raw.size() || raw[i] != ',') {
      return std::nullopt;
    }
    ++i;
  }
}

namespace {

// Json is `const json&` (params copied) or `json&` (params moved out).
template <typename Json>
std::variant<Message, DecodeFailure> decode(Json& value, std::string_view raw) {
  if (!value.is_object()) {
    return DecodeFailure{invalidRequest("Invalid Request: a message must be a JSON object, got " +
                                        std::string(value.type_name())),
                         std::nullopt, true};
  }
  Message message;
  auto id_it = value.find("id");
  bool has_id = id_it != value.end();
  if (has_id && !id_it->is_null()) {
    auto id = readId(*id_it, raw);
    if (auto* error = std::get_if<RpcError>(&id)) {
      return DecodeFailure{*error, std::nullopt, true};
    }
    message.id = std::get<RequestId>(std::move(id));
  }
  auto jsonrpc = value.find("jsonrpc");
  if (jsonrpc == value.end() || !jsonrpc->is_string() || *jsonrpc != "2.0") {
    return DecodeFailure{invalidRequest("Invalid Request: \"jsonrpc\" must be \"2.0\""), message.id,
                         has_id};
  }
  auto method = value.find("method");
  if (method == value.end()) {
    if (has_id && (value.contains("result") || value.contains("error"))) {
      message.kind = MessageKind::kResponse;
      return message;
    }
    return DecodeFailure{invalidRequest("Invalid Request: missing \"method\""), message.id, has_id};
  }
  if (!method->is_string()) {
    return DecodeFailure{invalidRequest("Invalid Request: \"method\" must be a string"), message.id,
                         has_id};
  }
  message.method = method->template get<std::string>();
  if (has_id && id_it->is_null()) {
    return DecodeFailure{invalidRequest("Invalid Request: \"id\" must not be null (MCP requests "
                                        "use a string or integer id; omit it for a notification)"),
                         std::nullopt, true};
  }
  message.kind = has_id ? MessageKind::kRequest : MessageKind::kNotification;
  auto params = value.find("params");
  if (params != value.end()) {
    if (!params->is_object()) {
      return DecodeFailure{invalidParams("Invalid params: \"params\" must be an object, got " +
                                         std::string(params->type_name())),
                           message.id, has_id};
    }
    if constexpr (std::is_const_v<Json>) {
      message.params = *params;
    } else {
      message.params = std::move(*params);
    }
  }
  return message;
}

}  // namespace

std::variant<Message, DecodeFailure> decodeMessage(const json& value, std::string_view raw) {
  return decode(value, raw);
}

std::variant<Message, DecodeFailure> decodeMessage(json&& value, std::string_view raw) {
  return decode(value, raw);
}

std::string resultLine(const RequestId& id, const json& result) {
  static constexpr std::string_view kHead = R"({"jsonrpc":"2.0","id":)";
  static constexpr std::string_view kResult = R"(,"result":)";
  std::string line;
  line.reserve(256);
  line += kHead;
  line += id.text();
  line += kResult;
  // Serializes straight into the line (what json::dump does into its own string),
  // sparing a temporary string and a copy of the whole result per response.
  nlohmann::detail::serializer<json> serializer(nlohmann::detail::output_adapter<char>(line), ' ',
                                                json::error_handler_t::replace);
  serializer.dump(result, /*pretty_print=*/false, /*ensure_ascii=*/false, /*indent_step=*/0);
  line += '}';
  return line;
}

std::string errorLine(const std::optional<RequestId>& id, const RpcError& error,
                      bool omit_missing_id) {
  json body = {{"code", error.code}, {"message", error.message}};
  if (!error.data.is_null()) {
    body["data"] = error.data;
  }
  std::string line = R"({"jsonrpc":"2.0",)";
  if (id) {
    line += R"("id":)" + id->text() + ",";
  } else if (!omit_missing_id) {
    line += R"("id":null,)";
  }
  line += R"("error":)" + dumpJson(body) + "}";
  return line;
}

std::string notificationLine(std::string_view method, const json& params) {
  json message = {{"jsonrpc", "2.0"}, {"method", method}};
  if (!params.is_null()) {
    message["params"] = params;
  }
  return dumpJson(message);
}

}  // namespace nba::mcp
