#include "app/redis_quota_store.h"

#include <charconv>
#include <map>
#include <string>

#include "core/calendar_date.h"

namespace nba::app {
namespace {

using std::chrono::days;
using std::chrono::milliseconds;
using std::chrono::sys_days;

// Counts one request unless the day's total or the client's share is used up.
// KEYS: the day's total, the day's per-client requests. ARGV: client, limit, client limit
// (-1: none), the total's and the per-client row's expiry in ms.
constexpr std::string_view kTakeScript = R"lua(
local total = tonumber(redis.call('GET', KEYS[1]) or '0')
local mine = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0')
local client_limit = tonumber(ARGV[3])
if total >= tonumber(ARGV[2]) or (client_limit >= 0 and mine >= client_limit) then
  return {0, total, mine}
end
total = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
mine = redis.call('HINCRBY', KEYS[2], ARGV[1], 1)
redis.call('PEXPIRE', KEYS[2], ARGV[5])
return {1, total, mine}
)lua";

constexpr std::string_view kAddHitsScript = R"lua(
redis.call('HINCRBY', KEYS[1], ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
)lua";

constexpr int kAccountingDays = 7;

std::string totalKey(std::string_view day) { return "nba_mcp:quota:v1:" + std::string(day); }
std::string requestsKey(std::string_view day) { return totalKey(day) + ":requests"; }
std::string hitsKey(std::string_view day) { return totalKey(day) + ":hits"; }

// "2026-11-30" as a day; nullopt when it is not one.
std::optional<sys_days> dayOf(std::string_view text) {
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto parse = [&](std::size_t at, std::size_t length, auto& value) {
    return std::from_chars(text.data() + at, text.data() + at + length, value).ec == std::errc();
  };
  if (!parse(0, 4, year) || !parse(5, 2, month) || !parse(8, 2, day)) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year(year), std::chrono::month(month),
                                         std::chrono::day(day)};
  if (!date.ok()) return std::nullopt;
  return sys_days(date);
}

class RedisQuotaStore : public ratelimit::QuotaStore {
 public:
  RedisQuotaStore(const cache::RedisClient& client, const Clock& clock,
                  std::unique_ptr<ratelimit::QuotaStore> local)
      : client_(client), clock_(clock), local_(std::move(local)) {}

  Result<ratelimit::QuotaTake> take(std::string_view day, std::string_view client,
                                    std::uint64_t limit,
                                    std::optional<std::uint64_t> client_limit) override {
    const std::string who(client);
    const std::string total_limit = std::to_string(limit);
    const std::string mine_limit = client_limit ? std::to_string(*client_limit) : "-1";
    const std::string day_expiry = std::to_string(msUntilEndOf(day, 0));
    const std::string row_expiry = std::to_string(msUntilEndOf(day, kAccountingDays));
    auto reply = client_.run({"EVAL", kTakeScript, "2", totalKey(day), requestsKey(day), who,
                              total_limit, mine_limit, day_expiry, row_expiry});
    if (!reply.ok() || reply->elements.size() != 3) {
      return local_->take(day, client, limit, client_limit);
    }
    const auto number = [&](std::size_t i) {
      return static_cast<std::uint64_t>(std::max<long long>(0, reply->elements[i].integer));
    };
    return ratelimit::QuotaTake{reply->elements[0].integer == 1, number(1), number(2)};
  }

  Result<std::uint64_t> used(std::string_view day) override {
    auto reply = client_.run({"GET", totalKey(day)});
    if (!reply.ok()) return local_->used(day);
    if (reply->isNil()) return std::uint64_t{0};
    std::uint64_t total = 0;
    std::from_chars(reply->text.data(), reply->text.data() + reply->text.size(), total);
    return total;
  }

  Status addCacheHits(std::string_view day, std::string_view client, std::uint64_t hits) override {
    const std::string who(client);
    const std::string count = std::to_string(hits);
    const std::string expiry = std::to_string(msUntilEndOf(day, kAccountingDays));
    if (!client_.run({"EVAL", kAddHitsScript, "1", hitsKey(day), who, count, expiry}).ok()) {
      return local_->addCacheHits(day, client, hits);
    }
    return Status::ok();
  }

  Result<std::vector<ratelimit::ClientDay>> clientDays(std::string_view first_day) override {
    const auto first = dayOf(first_day);
    const auto today = std::chrono::floor<days>(clock_.wallNow());
    if (!first) return invalidArgument("not a day: " + std::string(first_day));
    std::vector<ratelimit::ClientDay> rows;
    for (sys_days day = *first; day <= today; day += days(1)) {
      const std::string name = calendarDate(std::chrono::year_month_day(day));
      std::map<std::string, ratelimit::ClientDay> clients;
      for (const bool requests : {true, false}) {
        auto reply = client_.run({"HGETALL", requests ? requestsKey(name) : hitsKey(name)});
        if (!reply.ok()) return local_->clientDays(first_day);
        for (std::size_t i = 0; i + 1 < reply->elements.size(); i += 2) {
          ratelimit::ClientDay& row = clients[reply->elements[i].text];
          row.day = name;
          row.client = reply->elements[i].text;
          const std::string& text = reply->elements[i + 1].text;
          std::uint64_t count = 0;
          std::from_chars(text.data(), text.data() + text.size(), count);
          (requests ? row.upstream : row.cache_hits) = count;
        }
      }
      for (auto& [client, row] : clients) rows.push_back(std::move(row));
    }
    return rows;
  }

  std::string where() const override { return client_.endpoint().display() + " (shared)"; }

 private:
  // Milliseconds from now to the end of UTC day `day` plus `extra_days`; at least a second, so
  // a key is never written already expired (a clock fixed in the past, a day already over).
  long long msUntilEndOf(std::string_view day, int extra_days) const {
    const auto start = dayOf(day).value_or(std::chrono::floor<days>(clock_.wallNow()));
    const auto end = start + days(1 + extra_days);
    const auto left = std::chrono::duration_cast<milliseconds>(end - clock_.wallNow()).count();
    return std::max<long long>(1000, left);
  }

  const cache::RedisClient& client_;
  const Clock& clock_;
  std::unique_ptr<ratelimit::QuotaStore> local_;
};

}  // namespace

std::unique_ptr<ratelimit::QuotaStore> newRedisQuotaStore(
    const cache::RedisClient& client, const Clock& clock,
    std::unique_ptr<ratelimit::QuotaStore> local) {
  return std::make_unique<RedisQuotaStore>(client, clock, std::move(local));
}

}  // namespace nba::app
