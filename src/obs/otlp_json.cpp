#include "obs/otlp_json.h"

namespace nba::obs {
namespace {

using nlohmann::json;

// OTLP's Span.SpanKind numbers.
int kindNumber(SpanKind kind) {
  switch (kind) {
    case SpanKind::kInternal:
      return 1;
    case SpanKind::kServer:
      return 2;
    case SpanKind::kClient:
      return 3;
  }
  return 0;
}

json anyValue(const SpanValue& value) {
  if (const auto* text = std::get_if<std::string>(&value)) return {{"stringValue", *text}};
  if (const auto* number = std::get_if<std::int64_t>(&value)) {
    return {{"intValue", std::to_string(*number)}};
  }
  if (const auto* real = std::get_if<double>(&value)) return {{"doubleValue", *real}};
  return {{"boolValue", std::get<bool>(value)}};
}

json keyValue(const std::string& key, const SpanValue& value) {
  return {{"key", key}, {"value", anyValue(value)}};
}

json spanJson(const SpanData& span) {
  json attributes = json::array();
  for (const auto& [key, value] : span.attributes) attributes.push_back(keyValue(key, value));
  json out = {{"traceId", hexOf(span.context.trace_id)},
              {"spanId", hexOf(span.context.span_id)},
              {"name", span.name},
              {"kind", kindNumber(span.kind)},
              {"startTimeUnixNano", std::to_string(span.start_unix_nano)},
              {"endTimeUnixNano", std::to_string(span.end_unix_nano)},
              {"attributes", std::move(attributes)}};
  if (span.parent_span_id) out["parentSpanId"] = hexOf(*span.parent_span_id);
  // Status codes: 0 unset, 2 error.
  out["status"] = span.error ? json{{"code", 2}, {"message", *span.error}} : json{{"code", 0}};
  return out;
}

}  // namespace

json otlpTraceRequest(const std::vector<SpanData>& spans, const TraceResource& resource) {
  json resource_attributes = json::array({keyValue("service.name", resource.service_name)});
  if (!resource.service_version.empty()) {
    resource_attributes.push_back(keyValue("service.version", resource.service_version));
  }
  json span_list = json::array();
  for (const SpanData& span : spans) span_list.push_back(spanJson(span));
  json scope = {{"scope", {{"name", "nba-mcp"}, {"version", resource.service_version}}},
                {"spans", std::move(span_list)}};
  return {{"resourceSpans", json::array({{{"resource", {{"attributes", resource_attributes}}},
                                          {"scopeSpans", json::array({scope})}}})}};
}

}  // namespace nba::obs
