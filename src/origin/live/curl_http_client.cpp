#include "origin/live/curl_http_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <mutex>
#include <vector>

#include "core/ascii.h"

namespace nba::live {
namespace {

struct EasyHandleDeleter {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
using EasyHandle = std::unique_ptr<CURL, EasyHandleDeleter>;

struct HeaderListDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using HeaderList = std::unique_ptr<curl_slist, HeaderListDeleter>;

// What one transfer's callbacks see.
struct Transfer {
  const CallContext* context = nullptr;
  std::size_t max_body_bytes = 0;
  std::string body;
  bool too_large = false;
};

std::size_t appendBody(char* data, std::size_t size, std::size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const std::size_t bytes = size * count;
  if (transfer->body.size() + bytes > transfer->max_body_bytes) {
    transfer->too_large = true;
    return 0;  // aborts the transfer with CURLE_WRITE_ERROR
  }
  transfer->body.append(data, bytes);
  return bytes;
}

// libcurl calls this about every 100 ms and on every chunk: a non-zero return aborts.
int checkCaller(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  const auto* transfer = static_cast<const Transfer*>(user);
  return transfer->context->cancelled() || transfer->context->expired() ? 1 : 0;
}

// The per-attempt timeout, shortened to the call's deadline.
long timeoutMs(const CallContext& context, std::chrono::milliseconds total) {
  auto timeout = total;
  if (auto deadline = context.deadline()) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        *deadline - context.clock().monotonicNow());
    timeout = std::min(timeout, std::max(left, std::chrono::milliseconds(1)));
  }
  return static_cast<long>(timeout.count());
}

bool failedToConnect(CURLcode code, CURL* handle) {
  if (code == CURLE_COULDNT_RESOLVE_HOST || code == CURLE_COULDNT_RESOLVE_PROXY ||
      code == CURLE_COULDNT_CONNECT) {
    return true;
  }
  curl_off_t connect_us = 0;
  curl_easy_getinfo(handle, CURLINFO_CONNECT_TIME_T, &connect_us);
  return code == CURLE_OPERATION_TIMEDOUT && connect_us == 0;
}

// See HttpClient: kUnavailable when no connection was made, kDeadlineExceeded when a
// connected request ran out of time, kDataLoss when the transfer broke off.
Status transferError(CURLcode code, CURL* handle, const Transfer& transfer,
                     const HttpRequest& request, const char* detail) {
  const std::string who = request.upstream.empty() ? request.url : request.upstream;
  if (code == CURLE_ABORTED_BY_CALLBACK) {
    if (transfer.context->cancelled()) {
      return Status(StatusCode::kCancelled, "Cancelled while waiting on " + who + ".");
    }
    return Status(StatusCode::kDeadlineExceeded,
                  "Out of time while waiting on " + who + " (the call's deadline passed).");
  }
  if (code == CURLE_URL_MALFORMAT || code == CURLE_UNSUPPORTED_PROTOCOL) {
    return invalidArgument(
        who + " cannot be asked: '" + request.url.substr(0, 80) +
        "' is not a usable URL (check --nba-stats-url and --nba-cdn-url): " + std::string(detail));
  }
  if (failedToConnect(code, handle)) {
    return unavailable("cannot reach " + who + ": " + std::string(detail));
  }
  if (code == CURLE_OPERATION_TIMEDOUT) {
    return Status(StatusCode::kDeadlineExceeded,
                  who + " did not answer in time: " + std::string(detail));
  }
  if (transfer.too_large) {
    return dataLoss(who + " sent a response larger than " +
                    std::to_string(transfer.max_body_bytes / (std::size_t{1024} * 1024)) + " MiB");
  }
  return dataLoss(who + " broke off the response: " + std::string(detail));
}

class CurlHttpClient : public HttpClient {
 public:
  explicit CurlHttpClient(CurlOptions options) : options_(options) {}

  Result<HttpResponse> get(const CallContext& context, const HttpRequest& request) const override {
    EasyHandle handle = takeHandle();
    if (!handle) {
      return internalError("libcurl could not create a handle");
    }
    Transfer transfer{&context, options_.max_body_bytes, {}, false};
    HeaderList headers = headerList(request);
    char error[CURL_ERROR_SIZE] = {};
    CURL* h = handle.get();
    curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");  // every encoding libcurl can decode
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);         // threads: no SIGALRM for DNS timeouts
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(h, CURLOPT_MAXREDIRS, 3L);
    curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(options_.connect_timeout.count()));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, timeoutMs(context, options_.total_timeout));
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, appendBody);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, checkCaller);
    curl_easy_setopt(h, CURLOPT_XFERINFODATA, &transfer);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error);
    const CURLcode code = curl_easy_perform(h);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, nullptr);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, nullptr);
    if (code != CURLE_OK) {
      // A failed handle may hold a broken connection; let it go rather than reuse it.
      return transferError(code, h, transfer, request,
                           error[0] != '\0' ? error : curl_easy_strerror(code));
    }
    HttpResponse response;
    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    char* content_type = nullptr;
    curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &content_type);
    response.status = static_cast<int>(status);
    response.content_type = content_type != nullptr ? content_type : "";
    response.body = std::move(transfer.body);
    giveBack(std::move(handle));
    return response;
  }

 private:
  static HeaderList headerList(const HttpRequest& request) {
    curl_slist* list = nullptr;
    for (const auto& [name, value] : request.headers) {
      if (asciiLower(name) == "accept-encoding") {
        continue;  // see CURLOPT_ACCEPT_ENCODING
      }
      std::string line = name;
      line += ": ";
      line += value;
      list = curl_slist_append(list, line.c_str());
    }
    return HeaderList(list);
  }

  EasyHandle takeHandle() const {
    {
      std::lock_guard lock(mutex_);
      if (!idle_.empty()) {
        EasyHandle handle = std::move(idle_.back());
        idle_.pop_back();
        return handle;
      }
    }
    return EasyHandle(curl_easy_init());
  }

  void giveBack(EasyHandle handle) const {
    std::lock_guard lock(mutex_);
    if (idle_.size() < kMaxIdleHandles) {
      idle_.push_back(std::move(handle));
    }
  }

  static constexpr std::size_t kMaxIdleHandles = 8;
  CurlOptions options_;
  mutable std::mutex mutex_;
  mutable std::vector<EasyHandle> idle_;
};

}  // namespace

std::unique_ptr<HttpClient> newCurlHttpClient(CurlOptions options) {
  // Not thread-safe in libcurl 7.88, so once, before any handle exists.
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  return std::make_unique<CurlHttpClient>(options);
}

}  // namespace nba::live
