#include "mcp/wire_format.h"

#include "mcp/message.h"

namespace nba::mcp {
namespace {

using nlohmann::json;

constexpr char kCursorTag[] = "nba-mcp:offset:";

void putTitle(json& out, const std::string& title, ProtocolVersion version) {
  if (hasTitles(version) && !title.empty()) {
    out["title"] = title;
  }
}

std::string base64UrlEncode(const std::string& in) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  unsigned value = 0;
  int bits = -6;
  for (unsigned char c : in) {
    value = (value << 8) + c;
    bits += 8;
    while (bits >= 0) {
      out.push_back(kAlphabet[(value >> bits) & 0x3F]);
      bits -= 6;
    }
  }
  if (bits > -6) {
    out.push_back(kAlphabet[((value << 8) >> (bits + 8)) & 0x3F]);
  }
  return out;
}

std::optional<std::string> base64UrlDecode(const std::string& in) {
  std::string out;
  unsigned value = 0;
  int bits = -8;
  for (char c : in) {
    int digit;
    if (c >= 'A' && c <= 'Z') {
      digit = c - 'A';
    } else if (c >= 'a' && c <= 'z') {
      digit = c - 'a' + 26;
    } else if (c >= '0' && c <= '9') {
      digit = c - '0' + 52;
    } else if (c == '-') {
      digit = 62;
    } else if (c == '_') {
      digit = 63;
    } else {
      return std::nullopt;
    }
    value = (value << 6) + static_cast<unsigned>(digit);
    bits += 6;
    if (bits >= 0) {
      out.push_back(static_cast<char>((value >> bits) & 0xFF));
      bits -= 8;
    }
  }
  return out;
}

}  // namespace

json implementationJson(const ServerIdentity& identity, ProtocolVersion version) {
  json out = {{"name", identity.name}, {"version", identity.version}};
  putTitle(out, identity.title, version);
  if (hasIcons(version)) {  // the 2025-11-25 additions to Implementation
    if (!identity.description.empty()) {
      out["description"] = identity.description;
    }
    if (!identity.website_url.empty()) {
      out["websiteUrl"] = identity.website_url;
    }
  }
  return out;
}

json serverCapabilitiesJson(ProtocolVersion version) {
  json caps = {{"tools", {{"listChanged", false}}},
               {"resources", {{"subscribe", false}, {"listChanged", false}}},
               {"prompts", {{"listChanged", false}}}};
  if (!isModern(version)) {
    caps["logging"] = json::object();  // deprecated (and per-request) in 2026-07-28
  }
  if (version >= ProtocolVersion::k2025_03_26) {
    caps["completions"] = json::object();
  }
  return caps;
}

json toolJson(const ToolDefinition& tool, ProtocolVersion version) {
  json out = {
      {"name", tool.name}, {"description", tool.description}, {"inputSchema", tool.input_schema}};
  putTitle(out, tool.title, version);
  if (hasStructuredOutput(version) && !tool.output_schema.is_null()) {
    out["outputSchema"] = tool.output_schema;
  }
  if (hasToolAnnotations(version) && !tool.annotations.empty()) {
    out["annotations"] = tool.annotations;
  }
  return out;
}

json toolResultJson(const ToolResult& result, ProtocolVersion version, TextFormat text_format) {
  SharedJson structured;
  json out = toolResultJson(ToolResult(result), version, text_format, structured);
  if (structured) {
    out["structuredContent"] = *structured;
  }
  return out;
}

json toolResultJson(ToolResult&& result, ProtocolVersion version, TextFormat text_format,
                    SharedJson& structured_in_place) {
  json content = json::array();
  bool structured = result.structured.has_value() && !result.is_error;
  if (text_format != TextFormat::kJson || !structured) {
    content.push_back({{"type", "text"}, {"text", std::move(result.text)}});
  }
  if (structured && text_format != TextFormat::kMarkdown) {
    content.push_back({{"type", "text"}, {"text", result.structured.text()}});
  }
  json out = json::object();
  out["content"] = std::move(content);
  if (structured && hasStructuredOutput(version)) {
    out["structuredContent"] = nullptr;  // written from structured_in_place, not copied here
    structured_in_place = std::move(result.structured);
  }
  if (result.is_error) {
    out["isError"] = true;
  }
  if (result.meta.is_object() && !result.meta.empty()) {
    out["_meta"] = std::move(result.meta);
  }
  return out;
}

json resourceJson(const ResourceDefinition& resource, ProtocolVersion version) {
  json out = {{"uri", resource.uri}, {"name", resource.name}};
  putTitle(out, resource.title, version);
  if (!resource.description.empty()) {
    out["description"] = resource.description;
  }
  if (!resource.mime_type.empty()) {
    out["mimeType"] = resource.mime_type;
  }
  return out;
}

json resourceTemplateJson(const ResourceTemplateDefinition& resource_template,
                          ProtocolVersion version) {
  json out = {{"uriTemplate", resource_template.uri_template}, {"name", resource_template.name}};
  putTitle(out, resource_template.title, version);
  if (!resource_template.description.empty()) {
    out["description"] = resource_template.description;
  }
  if (!resource_template.mime_type.empty()) {
    out["mimeType"] = resource_template.mime_type;
  }
  return out;
}

json resourceContentsJson(const ResourceContentsList& contents) {
  json list = json::array();
  for (const auto& item : contents) {
    json entry = {{"uri", item.uri}, {"text", item.text}};
    if (!item.mime_type.empty()) {
      entry["mimeType"] = item.mime_type;
    }
    list.push_back(std::move(entry));
  }
  return {{"contents", std::move(list)}};
}

json promptJson(const PromptDefinition& prompt, ProtocolVersion version) {
  json out = {{"name", prompt.name}};
  putTitle(out, prompt.title, version);
  if (!prompt.description.empty()) {
    out["description"] = prompt.description;
  }
  json arguments = json::array();
  for (const auto& argument : prompt.arguments) {
    json entry = {{"name", argument.name}, {"required", argument.required}};
    putTitle(entry, argument.title, version);
    if (!argument.description.empty()) {
      entry["description"] = argument.description;
    }
    arguments.push_back(std::move(entry));
  }
  out["arguments"] = std::move(arguments);
  return out;
}

json renderedPromptJson(const RenderedPrompt& prompt) {
  json messages = json::array();
  for (const auto& message : prompt.messages) {
    messages.push_back(
        {{"role", message.role}, {"content", {{"type", "text"}, {"text", message.text}}}});
  }
  json out = {{"messages", std::move(messages)}};
  if (!prompt.description.empty()) {
    out["description"] = prompt.description;
  }
  return out;
}

std::string encodeCursor(std::size_t offset) {
  return base64UrlEncode(kCursorTag + std::to_string(offset));
}

std::optional<std::size_t> decodeCursor(const std::string& cursor) {
  auto decoded = base64UrlDecode(cursor);
  std::string tag = kCursorTag;
  if (!decoded || decoded->rfind(tag, 0) != 0 || decoded->size() == tag.size() ||
      decoded->size() > tag.size() + 9) {
    return std::nullopt;
  }
  std::size_t offset = 0;
  for (std::size_t i = tag.size(); i < decoded->size(); ++i) {
    char c = (*decoded)[i];
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    offset = offset * 10 + static_cast<std::size_t>(c - '0');
  }
  return offset;
}

}  // namespace nba::mcp
