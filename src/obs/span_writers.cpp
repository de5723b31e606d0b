#include "obs/span_writers.h"

#include <curl/curl.h>

#include <cerrno>
#include <cstring>
#include <mutex>

namespace nba::obs {

Result<std::unique_ptr<TraceFileWriter>> TraceFileWriter::open(const std::string& path,
                                                               TraceResource resource) {
  std::FILE* file = std::fopen(path.c_str(), "a");
  if (file == nullptr) {
    return invalidArgument("cannot open trace file '" + path + "': " + std::strerror(errno));
  }
  return std::unique_ptr<TraceFileWriter>(new TraceFileWriter(file, path, std::move(resource)));
}

TraceFileWriter::~TraceFileWriter() { std::fclose(file_); }

Status TraceFileWriter::write(const std::vector<SpanData>& batch) {
  const std::string line = otlpTraceRequest(batch, resource_).dump() + "\n";
  if (std::fwrite(line.data(), 1, line.size(), file_) != line.size() || std::fflush(file_) != 0) {
    return Status(StatusCode::kUnavailable,
                  "cannot write trace file '" + path_ + "': " + std::strerror(errno));
  }
  return Status::ok();
}

namespace {

std::size_t discardBody(char*, std::size_t size, std::size_t count, void*) { return size * count; }

}  // namespace

OtlpHttpWriter::OtlpHttpWriter(std::string url, TraceResource resource,
                               std::chrono::milliseconds timeout)
    : url_(std::move(url)), resource_(std::move(resource)), timeout_(timeout) {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

Status OtlpHttpWriter::write(const std::vector<SpanData>& batch) {
  const std::string body = otlpTraceRequest(batch, resource_).dump();
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) return Status(StatusCode::kInternal, "libcurl could not start a request");
  curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> header_list(headers,
                                                                          curl_slist_free_all);
  CURL* handle = curl.get();
  curl_easy_setopt(handle, CURLOPT_URL, url_.c_str());
  curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(handle, CURLOPT_POSTFIELDS, body.data());
  curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout_.count()));
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, discardBody);
  const CURLcode code = curl_easy_perform(handle);
  if (code != CURLE_OK) {
    return Status(StatusCode::kUnavailable,
                  "OTLP receiver " + url_ + " not reached: " + curl_easy_strerror(code));
  }
  long status = 0;
  curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
  if (status < 200 || status >= 300) {
    return Status(StatusCode::kUnavailable,
                  "OTLP receiver " + url_ + " answered HTTP " + std::to_string(status));
  }
  return Status::ok();
}

}  // namespace nba::obs
