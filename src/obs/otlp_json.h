#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "obs/tracer.h"

namespace nba::obs {

// Who the spans are from: OTLP's resource (service.name, service.version).
struct TraceResource {
  std::string service_name = "nba-mcp";
  std::string service_version;
};

// `spans` as one OTLP/JSON ExportTraceServiceRequest (opentelemetry-proto 1.x, JSON mapping:
// ids in lower-case hex, 64-bit integers as strings, enums as numbers), the body an OTLP/HTTP
// receiver takes at /v1/traces and the line a trace file holds.
nlohmann::json otlpTraceRequest(const std::vector<SpanData>& spans, const TraceResource& resource);

}  // namespace nba::obs
