#include "origin/live/traced_http_client.h"

namespace nba::live {
namespace {

class TracedHttpClient final : public HttpClient {
 public:
  explicit TracedHttpClient(const HttpClient& inner) : inner_(inner) {}

  Result<HttpResponse> get(const CallContext& context, const HttpRequest& request) const override {
    if (!context.span()) return inner_.get(context, request);
    ScopedSpan span(context.span(), "upstream_call", SpanKind::kClient);
    span.set("nba.upstream", request.upstream);
    span.set("url.full", request.url);
    Result<HttpResponse> response = inner_.get(context.within(span), request);
    if (!response.ok()) {
      span.setError(response.status().message());
    } else {
      span.set("http.response.status_code", static_cast<std::int64_t>(response->status));
      span.set("http.response.body.size", static_cast<std::int64_t>(response->body.size()));
      if (response->status >= 400) span.setError("HTTP " + std::to_string(response->status));
    }
    return response;
  }

 private:
  const HttpClient& inner_;
};

}  // namespace

std::unique_ptr<HttpClient> newTracedHttpClient(const HttpClient& inner) {
  return std::make_unique<TracedHttpClient>(inner);
}

}  // namespace nba::live
