#include "cache/redis_client.h"

#include <hiredis/hiredis.h>
#include <spdlog/spdlog.h>

#include <mutex>
#include <optional>

namespace nba::cache {
namespace {

using std::chrono::steady_clock;

struct ContextDeleter {
  void operator()(redisContext* context) const { redisFree(context); }
};
using Connection = std::unique_ptr<redisContext, ContextDeleter>;

struct ReplyDeleter {
  void operator()(redisReply* reply) const { freeReplyObject(reply); }
};
using OwnedReply = std::unique_ptr<redisReply, ReplyDeleter>;

timeval toTimeval(std::chrono::milliseconds duration) {
  timeval tv{};
  tv.tv_sec = static_cast<time_t>(duration.count() / 1000);
  tv.tv_usec = static_cast<suseconds_t>((duration.count() % 1000) * 1000);
  return tv;
}

RedisReply copyReply(const redisReply& reply) {
  RedisReply copy;
  switch (reply.type) {
    case REDIS_REPLY_INTEGER:
      copy.type = RedisReply::Type::kInteger;
      copy.integer = reply.integer;
      break;
    case REDIS_REPLY_STRING:
    case REDIS_REPLY_STATUS:
      copy.type = RedisReply::Type::kText;
      copy.text.assign(reply.str, reply.len);
      break;
    case REDIS_REPLY_ARRAY:
      copy.type = RedisReply::Type::kArray;
      for (std::size_t i = 0; i < reply.elements; ++i) {
        copy.elements.push_back(copyReply(*reply.element[i]));
      }
      break;
    default:
      break;  // nil
  }
  return copy;
}

// What a failed round trip was: the connection's fault, or Redis's answer.
struct Failure {
  bool connection = false;  // the connection is unusable (refused, reset, timed out)
  std::string text;
};

// One round trip: the reply, or why there is none.
struct Trip {
  std::optional<RedisReply> reply;
  Failure failure;
};

std::string connectionProblem(const redisContext& context) {
  std::string why = context.errstr;
  if (context.err == REDIS_ERR_IO && (why.find("temporarily unavailable") != std::string::npos ||
                                      why.find("timed out") != std::string::npos)) {
    return "did not answer in time";
  }
  return why.empty() ? "the connection failed" : why;
}

}  // namespace

std::string_view redisStateName(RedisState state) {
  switch (state) {
    case RedisState::kNotTried:
      return "not_tried";
    case RedisState::kUp:
      return "up";
    case RedisState::kDown:
      return "down";
    case RedisState::kFailing:
      return "failing";
  }
  return "down";
}

class RedisClient::Impl {
 public:
  Impl(RedisOptions options, const Clock& clock) : options_(std::move(options)), clock_(clock) {
    stats_.endpoint = options_.endpoint.display();
  }

  Result<RedisReply> run(const std::vector<std::string_view>& args) {
    if (Status open = breakerOpen(); !open.isOk()) {
      return open;
    }
    auto [connection, reused] = takeConnection();
    if (connection == nullptr) {
      auto made = connect();
      if (!made.ok()) return made.status();
      connection = std::move(made).value();
    }
    Trip trip = roundTrip(*connection, args);
    if (!trip.reply && reused && trip.failure.connection) {
      // A pooled connection may have died with a restarted Redis: one fresh try before
      // calling Redis down.
      auto made = connect();
      if (!made.ok()) return made.status();
      connection = std::move(made).value();
      trip = roundTrip(*connection, args);
    }
    if (!trip.reply) {
      if (!trip.failure.connection) giveBack(std::move(connection));
      return fail(trip.failure);
    }
    giveBack(std::move(connection));
    markUp();
    return std::move(*trip.reply);
  }

  RedisClientStats stats() {
    std::lock_guard lock(mutex_);
    return stats_;
  }

  const RedisEndpoint& endpoint() const { return options_.endpoint; }

 private:
  Status breakerOpen() {
    std::lock_guard lock(mutex_);
    stats_.commands++;
    if (stats_.state != RedisState::kDown || clock_.monotonicNow() >= retry_at_) {
      return Status::ok();
    }
    stats_.failures++;
    return unavailable(down_text_);
  }

  std::pair<Connection, bool> takeConnection() {
    std::lock_guard lock(mutex_);
    if (idle_.empty()) return {nullptr, false};
    Connection connection = std::move(idle_.back());
    idle_.pop_back();
    return {std::move(connection), true};
  }

  void giveBack(Connection connection) {
    std::lock_guard lock(mutex_);
    if (idle_.size() < options_.max_idle_connections) idle_.push_back(std::move(connection));
  }

  Result<Connection> connect() {
    const RedisEndpoint& at = options_.endpoint;
    const timeval connect_timeout = toTimeval(options_.connect_timeout);
    Connection connection(redisConnectWithTimeout(at.host.c_str(), at.port, connect_timeout));
    if (connection == nullptr) {
      return fail({true, "cannot allocate a connection"});
    }
    if (connection->err != 0) {
      return fail({true, "unreachable (" + std::string(connection->errstr) + ")"});
    }
    redisSetTimeout(connection.get(), toTimeval(options_.command_timeout));
    if (!at.password.empty()) {
      std::vector<std::string_view> auth = {"AUTH"};
      if (!at.user.empty()) auth.emplace_back(at.user);
      auth.emplace_back(at.password);
      if (Trip trip = roundTrip(*connection, auth); !trip.reply) {
        // A refused password is the operator's to fix; it is a connection fault all the same.
        Failure refused = trip.failure;
        refused.connection = true;
        refused.text = "refused the credentials (" + refused.text + "); check --redis or " +
                       "NBA_MCP_REDIS_PASSWORD";
        return fail(refused);
      }
    }
    if (at.db != 0) {
      const std::string db = std::to_string(at.db);
      if (Trip trip = roundTrip(*connection, {"SELECT", db}); !trip.reply) {
        Failure failure = trip.failure;
        failure.connection = true;
        return fail(failure);
      }
    }
    std::lock_guard lock(mutex_);
    stats_.connections++;
    return connection;
  }

  // One command on `connection`.
  static Trip roundTrip(redisContext& connection, const std::vector<std::string_view>& args) {
    std::vector<const char*> argv;
    std::vector<std::size_t> lengths;
    for (std::string_view arg : args) {
      argv.push_back(arg.data());
      lengths.push_back(arg.size());
    }
    OwnedReply reply(static_cast<redisReply*>(
        redisCommandArgv(&connection, static_cast<int>(argv.size()), argv.data(), lengths.data())));
    if (reply == nullptr) {
      return {std::nullopt, {true, connectionProblem(connection)}};
    }
    if (reply->type == REDIS_REPLY_ERROR) {
      return {std::nullopt, {false, std::string(reply->str, reply->len)}};
    }
    return {copyReply(*reply), {}};
  }

  // Records `failure` (a connection fault opens the breaker) and returns it as a status.
  Status fail(const Failure& failure) {
    const std::string text = "Redis at " + stats_.endpoint + ": " + failure.text;
    std::lock_guard lock(mutex_);
    stats_.failures++;
    stats_.problem = failure.text;
    const RedisState next = failure.connection ? RedisState::kDown : RedisState::kFailing;
    if (failure.connection) {
      idle_.clear();  // they lead to the same dead server
      retry_at_ = clock_.monotonicNow() + options_.retry_after;
      down_text_ =
          text + "; not asked again for " + std::to_string(options_.retry_after.count()) + " ms";
    }
    if (stats_.state != next) {
      spdlog::warn("shared tier: {}; answering from the local cache and NBA.com{}", text,
                   failure.connection ? ", reconnecting by itself" : "");
    }
    stats_.state = next;
    return unavailable(text);
  }

  void markUp() {
    std::lock_guard lock(mutex_);
    if (stats_.state == RedisState::kUp) return;
    if (stats_.state == RedisState::kNotTried) {
      spdlog::info("shared tier: Redis at {} connected", stats_.endpoint);
    } else {
      spdlog::warn("shared tier: Redis at {} answers again", stats_.endpoint);
    }
    stats_.state = RedisState::kUp;
    stats_.problem.clear();
  }

  const RedisOptions options_;
  const Clock& clock_;
  std::mutex mutex_;
  std::vector<Connection> idle_;         // guarded by mutex_
  RedisClientStats stats_;               // guarded by mutex_
  steady_clock::time_point retry_at_{};  // guarded by mutex_
  std::string down_text_;                // guarded by mutex_
};

RedisClient::RedisClient(RedisOptions options, const Clock& clock)
    : impl_(std::make_unique<Impl>(std::move(options), clock)) {}

RedisClient::~RedisClient() = default;

Result<RedisReply> RedisClient::run(const std::vector<std::string_view>& args) const {
  return impl_->run(args);
}

RedisClientStats RedisClient::stats() const { return impl_->stats(); }

const RedisEndpoint& RedisClient::endpoint() const { return impl_->endpoint(); }

}  // namespace nba::cache
