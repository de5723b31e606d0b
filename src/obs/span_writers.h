#pragma once

#include <chrono>
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>

#include "obs/batch_span_exporter.h"
#include "obs/otlp_json.h"

namespace nba::obs {

// Appends each batch to a file as one line of OTLP/JSON (the OpenTelemetry Collector's file
// exporter format, which its otlpjsonfile receiver reads back).
class TraceFileWriter final : public SpanWriter {
 public:
  // Opens `path` for appending; an error names it.
  static Result<std::unique_ptr<TraceFileWriter>> open(const std::string& path,
                                                       TraceResource resource);
  ~TraceFileWriter() override;
  TraceFileWriter(const TraceFileWriter&) = delete;
  TraceFileWriter& operator=(const TraceFileWriter&) = delete;

  Status write(const std::vector<SpanData>& batch) override;

 private:
  TraceFileWriter(std::FILE* file, std::string path, TraceResource resource)
      : file_(file), path_(std::move(path)), resource_(std::move(resource)) {}

  std::FILE* file_;
  std::string path_;
  TraceResource resource_;
};

// POSTs each batch as OTLP/JSON to an OTLP/HTTP receiver's traces URL
// (http://collector:4318/v1/traces) over libcurl, within `timeout`. Any answer but 2xx fails
// the batch.
class OtlpHttpWriter final : public SpanWriter {
 public:
  // Call before other threads use libcurl (it initialises libcurl once).
  OtlpHttpWriter(std::string url, TraceResource resource, std::chrono::milliseconds timeout);

  Status write(const std::vector<SpanData>& batch) override;

 private:
  std::string url_;
  TraceResource resource_;
  std::chrono::milliseconds timeout_;
};

}  // namespace nba::obs
