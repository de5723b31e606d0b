#include "origin/live/gated_http_client.h"

namespace nba::live {
namespace {

class GatedHttpClient : public HttpClient {
 public:
  GatedHttpClient(const HttpClient& inner, UpstreamGate gate)
      : inner_(inner), gate_(std::move(gate)) {}

  Result<HttpResponse> get(const CallContext& context, const HttpRequest& request) const override {
    if (Status admitted = gate_(context, request); !admitted.isOk()) {
      return admitted;
    }
    return inner_.get(context, request);
  }

 private:
  const HttpClient& inner_;
  const UpstreamGate gate_;
};

}  // namespace

std::unique_ptr<HttpClient> newGatedHttpClient(const HttpClient& inner, UpstreamGate gate) {
  return std::make_unique<GatedHttpClient>(inner, std::move(gate));
}

}  // namespace nba::live
