#include "mcp/message.h"

#include <cctype>
#include <cstring>
#include <type_traits>

#include "core/user_text.h"
#include "mcp/json_reader.h"
#include "mcp/json_writer.h"

namespace nba::mcp {
namespace {

// How much of nlohmann's description of a syntax error is kept: it quotes the text read.
constexpr std::size_t kParseErrorChars = 160;

using nlohmann::json;

// Builds the tree as nlohmann's own parser does (its DOM builder, driven by the same
// iterative SAX parser), but refuses to go deeper than the limit and keeps the
// parser's error text. Statically dispatched: no cost over json::parse.
class BoundedDomBuilder {
 public:
  // nlohmann's out_of_range.406: a number the text writes validly but a double cannot hold.
  static constexpr int kNumberOverflow = 406;

  using number_integer_t = json::number_integer_t;
  using number_unsigned_t = json::number_unsigned_t;
  using number_float_t = json::number_float_t;
  using string_t = json::string_t;
  using binary_t = json::binary_t;

  BoundedDomBuilder(json& result, int max_depth)
      : dom_(result, /*allow_exceptions_=*/false), max_depth_(max_depth) {}

  bool null() { return dom_.null(); }
  bool boolean(bool value) { return dom_.boolean(value); }
  bool number_integer(number_integer_t value) { return dom_.number_integer(value); }
  bool number_unsigned(number_unsigned_t value) { return dom_.number_unsigned(value); }
  bool number_float(number_float_t value, const string_t& text) {
    return dom_.number_float(value, text);
  }
  bool string(string_t& value) { return dom_.string(value); }
  bool binary(binary_t& value) { return dom_.binary(value); }
  bool start_object(std::size_t size) { return enter() && dom_.start_object(size); }
  bool key(string_t& value) { return dom_.key(value); }
  bool end_object() {
    --depth_;
    return dom_.end_object();
  }
  bool start_array(std::size_t size) { return enter() && dom_.start_array(size); }
  bool end_array() {
    --depth_;
    return dom_.end_array();
  }
  bool parse_error(std::size_t position, const std::string& /*last_token*/,
                   const nlohmann::detail::exception& ex) {
    out_of_range_ = ex.id == kNumberOverflow;
    std::string what = ex.what();
    // nlohmann prefixes "[json.exception.parse_error.101] "; keep the readable part.
    // The rest quotes the client's text ("last read: '…'"), which may be megabytes or carry
    // line breaks and bidi controls: echoed as any user text is.
    auto bracket = what.find("] ");
    reason_ = (out_of_range_ ? "a number at byte " + std::to_string(position) +
                                   " is beyond the range of a double: "
                             : "invalid JSON at byte " + std::to_string(position) + ": ") +
              echoUserText(bracket == std::string::npos ? what : what.substr(bracket + 2),
                           kParseErrorChars);
    return false;
  }

  bool tooDeep() const { return too_deep_; }
  bool outOfRange() const { return out_of_range_; }
  const std::string& reason() const { return reason_; }

 private:
  bool enter() {
    if (++depth_ > max_depth_) {
      too_deep_ = true;
      return false;
    }
    return true;
  }

  nlohmann::detail::json_sax_dom_parser<json> dom_;
  int max_depth_;
  int depth_ = 0;
  bool too_deep_ = false;
  bool out_of_range_ = false;
  std::string reason_;
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

// The id as written (`written`: its raw text, when known) with its canonical key, or an
// error when it is not a string or an integer.
std::variant<RequestId, RpcError> readId(const json& id, std::optional<std::string_view> written) {
  if (id.is_string() || id.is_number_integer()) {
    std::string key = dumpJson(id);
    return written ? RequestId(std::string(*written), std::move(key)) : RequestId(std::move(key));
  }
  if (id.is_number_float() && written && isIntegerLiteral(*written)) {
    // An integer too large for 64 bits parses as a double; its digits are the id.
    return RequestId(std::string(*written));
  }
  return invalidRequest(
      "Invalid Request: \"id\" must be a string or an integer, got " +
      std::string(id.is_number_float() ? "a number with a fraction or exponent" : id.type_name()));
}

}  // namespace

std::string dumpJson(const json& value) {
  std::string text;
  appendJson(text, value);
  return text;
}

std::variant<json, JsonError> parseJsonBounded(std::string_view text, int max_depth) {
  if (const void* nul = std::memchr(text.data(), '\0', text.size())) {
    // nlohmann's lexer takes a NUL for the end of input, which would accept
    // `{"a":1}\0garbage`; JSON text can never contain one raw.
    auto position = static_cast<const char*>(nul) - text.data();
    return JsonError{JsonError::Kind::kSyntax,
                     "invalid JSON at byte " + std::to_string(position + 1) +
                         ": a raw NUL byte (control characters must be escaped as \\u0000)"};
  }
  if (auto plain = parsePlainJson(text, max_depth)) {
    return std::move(*plain);  // nearly every request: nlohmann's lexer costs 5x more
  }
  json value;
  BoundedDomBuilder builder(value, max_depth);
  bool ok = json::sax_parse(text, &builder, json::input_format_t::json, /*strict=*/true);
  if (ok) {
    return value;
  }
  if (builder.tooDeep()) {
    return JsonError{JsonError::Kind::kTooDeep,
                     "JSON nested deeper than " + std::to_string(max_depth) +
                         " levels of arrays and objects (the limit for any JSON this server "
                         "reads; MCP messages need far fewer)"};
  }
  return JsonError{builder.outOfRange() ? JsonError::Kind::kOutOfRange : JsonError::Kind::kSyntax,
                   builder.reason().empty() ? "invalid JSON" : builder.reason()};
}

std::variant<json, std::string> parseJson(std::string_view text) {
  auto parsed = parseJsonBounded(text);
  if (auto* error = std::get_if<JsonError>(&parsed)) {
    return std::move(error->reason);
  }
  return std::get<json>(std::move(parsed));
}

std::optional<std::string_view> topLevelMemberText(std::string_view raw, std::string_view key) {
  std::optional<std::string_view> found;
  size_t i = skipSpace(raw, 0);
  if (i >= raw.size() || raw[i] != '{') {
    return std::nullopt;
  }
  ++i;
  while (true) {
    i = skipSpace(raw, i);
    if (i >= raw.size() || raw[i] != '"') {
      return found;
    }
    size_t key_end = skipString(raw, i);
    std::string_view this_key = raw.substr(i + 1, key_end - i - 2);
    i = skipSpace(raw, key_end);
    if (i >= raw.size() || raw[i] != ':') {
      return found;
    }
    i = skipSpace(raw, i + 1);
    size_t value_end = skipValue(raw, i);
    if (this_key == key) {
      found = raw.substr(i, value_end - i);  // keep going: the parser keeps the last
    }
    i = skipSpace(raw, value_end);
    if (i >= raw.size() || raw[i] != ',') {
      return found;
    }
    ++i;
  }
}

std::vector<std::string_view> topLevelArrayElements(std::string_view raw) {
  std::vector<std::string_view> elements;
  size_t i = skipSpace(raw, 0);
  if (i >= raw.size() || raw[i] != '[') {
    return elements;
  }
  i = skipSpace(raw, i + 1);
  while (i < raw.size() && raw[i] != ']') {
    size_t end = skipValue(raw, i);
    elements.push_back(raw.substr(i, end - i));
    i = skipSpace(raw, end);
    if (i >= raw.size() || raw[i] != ',') {
      break;
    }
    i = skipSpace(raw, i + 1);
  }
  return elements;
}

std::optional<RequestId> readRequestId(const json& id, std::optional<std::string_view> written) {
  auto read = readId(id, written);
  if (auto* request_id = std::get_if<RequestId>(&read)) return std::move(*request_id);
  return std::nullopt;
}

std::optional<RequestId> recoverRequestId(std::string_view raw) {
  auto text = topLevelMemberText(raw, "id");
  if (!text) {
    return std::nullopt;
  }
  auto parsed = parseJsonBounded(*text, 1);
  if (auto* id = std::get_if<json>(&parsed)) {
    auto read = readId(*id, *text);
    if (auto* request_id = std::get_if<RequestId>(&read)) {
      return *request_id;
    }
  }
  return std::nullopt;
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
  auto method = value.find("method");
  // Without an id, only what reads as a notification (a string method) stays
  // unanswered when broken; anything else is an invalid request, answered with a
  // null (or, from 2025-11-25, no) id as JSON-RPC 2.0 asks.
  bool answer = has_id || method == value.end() || !method->is_string();
  if (has_id && !id_it->is_null()) {
    auto id = readId(*id_it, topLevelMemberText(raw, "id"));
    if (auto* error = std::get_if<RpcError>(&id)) {
      return DecodeFailure{*error, std::nullopt, true};
    }
    message.id = std::get<RequestId>(std::move(id));
  }
  auto jsonrpc = value.find("jsonrpc");
  if (jsonrpc == value.end() || !jsonrpc->is_string() || *jsonrpc != "2.0") {
    return DecodeFailure{invalidRequest("Invalid Request: \"jsonrpc\" must be \"2.0\""), message.id,
                         answer};
  }
  if (method == value.end()) {
    if (has_id && (value.contains("result") || value.contains("error"))) {
      message.kind = MessageKind::kResponse;
      return message;
    }
    return DecodeFailure{invalidRequest("Invalid Request: missing \"method\""), message.id, answer};
  }
  if (!method->is_string()) {
    return DecodeFailure{invalidRequest("Invalid Request: \"method\" must be a string"), message.id,
                         answer};
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
                           message.id, answer};
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

std::string resultLine(const RequestId& id, const json& result,
                       const std::string* structured_content) {
  static constexpr std::string_view kHead = R"({"jsonrpc":"2.0","id":)";
  static constexpr std::string_view kResult = R"(,"result":)";
  std::string line;
  line.reserve(256);
  line += kHead;
  line += id.text();
  line += kResult;
  // Straight into the line: no temporary copy of the result.
  if (structured_content != nullptr) {
    appendJsonReplacing(line, result, "structuredContent", *structured_content);
  } else {
    appendJson(line, result);
  }
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
