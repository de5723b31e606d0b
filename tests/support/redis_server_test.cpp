// The real redis-server as a test child: it answers on its own loopback port, command() speaks
// RESP for every reply type, kill9/stop/restart keep the port and lose the data, a password is
// required of others and sent by command(), and the destructor leaves no process or directory.
#include "support/redis_server.h"

#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <thread>

namespace nba::testing {
namespace {

// The value of `field` in INFO's "field:value" lines.
std::string infoField(RedisServer& redis, const std::string& field) {
  const std::string info = redis.command({"INFO", "server"});
  const auto start = info.find(field + ":");
  if (start == std::string::npos) return "";
  const auto value = start + field.size() + 1;
  return info.substr(value, info.find('\r', value) - value);
}

// What a client that does not AUTH first hears: the first line of the reply to a bare PING.
std::string unauthenticatedPing(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<uint16_t>(port));
  timeval timeout{5, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
  std::string reply;
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0 &&
      send(fd, "PING\r\n", 6, MSG_NOSIGNAL) == 6) {
    char c;
    while (recv(fd, &c, 1, 0) == 1 && c != '\r') reply += c;
  }
  close(fd);
  return reply;
}

TEST_CASE("redis server: answers on its own loopback port, each RESP reply type rendered") {
  RedisServer redis;
  CHECK(redis.port() > 0);
  CHECK(redis.url() == "redis://127.0.0.1:" + std::to_string(redis.port()));
  CHECK(redis.running());
  CHECK(redis.command({"PING"}) == "PONG");
  CHECK(redis.command({"SET", "k", "v"}) == "OK");
  CHECK(redis.command({"GET", "k"}) == "v");
  CHECK(redis.command({"GET", "missing"}) == "(nil)");
  CHECK(redis.command({"SET", "binary", std::string("a\r\nb\0c", 6)}) == "OK");
  CHECK(redis.command({"GET", "binary"}) == std::string("a\r\nb\0c", 6));
  CHECK(redis.command({"INCR", "counter"}) == "1");
  CHECK(redis.command({"RPUSH", "list", "a", "b"}) == "2");
  CHECK(redis.command({"LRANGE", "list", "0", "-1"}) == "a\nb");
  CHECK(redis.command({"LRANGE", "nothing", "0", "-1"}).empty());
  CHECK(redis.command({"CONFIG", "GET", "save"}) == "save\n");  // nothing is persisted
  CHECK(redis.command({"NOSUCHCOMMAND"}).rfind("ERR: ERR unknown command", 0) == 0);
  // Tests slow the server down this way; Redis 7 refuses DEBUG unless it is enabled.
  CHECK(redis.command({"DEBUG", "SLEEP", "0"}) == "OK");
}

TEST_CASE("redis server: kill9 and stop end it; restart comes back on the same port, empty") {
  RedisServer redis;
  const int port = redis.port();
  REQUIRE(redis.command({"SET", "k", "v"}) == "OK");

  redis.kill9();
  CHECK_FALSE(redis.running());
  CHECK_THROWS_AS(redis.command({"PING"}), std::runtime_error);

  redis.restart();
  CHECK(redis.running());
  CHECK(redis.port() == port);
  CHECK(redis.command({"PING"}) == "PONG");
  CHECK(redis.command({"GET", "k"}) == "(nil)");

  redis.stop();
  CHECK_FALSE(redis.running());
  CHECK_THROWS_AS(redis.command({"PING"}), std::runtime_error);
  redis.restart();
  CHECK(redis.command({"PING"}) == "PONG");
}

TEST_CASE("redis server: a server that shut itself down is no longer running") {
  RedisServer redis;
  // SHUTDOWN answers by closing the connection.
  CHECK_THROWS_AS(redis.command({"SHUTDOWN", "NOSAVE"}), std::runtime_error);
  for (int i = 0; i < 400 && redis.running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  CHECK_FALSE(redis.running());
  redis.restart();
  CHECK(redis.command({"PING"}) == "PONG");
}

TEST_CASE("redis server: a command in flight on another thread fails when the server is killed") {
  RedisServer redis;
  std::string outcome;
  std::thread client([&] {
    try {
      outcome = "answered: " + redis.command({"DEBUG", "SLEEP", "1"});
    } catch (const std::runtime_error&) {
      outcome = "threw";
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  const auto killed_at = std::chrono::steady_clock::now();
  redis.kill9();
  client.join();
  CHECK(outcome == "threw");
  CHECK(std::chrono::steady_clock::now() - killed_at < std::chrono::milliseconds(500));
}

TEST_CASE("redis server: with a password, others must AUTH and command() does") {
  RedisServer redis({.password = "s3cret"});
  CHECK(redis.url() == "redis://:s3cret@127.0.0.1:" + std::to_string(redis.port()));
  CHECK(redis.command({"PING"}) == "PONG");
  CHECK(redis.command({"CONFIG", "GET", "requirepass"}) == "requirepass\ns3cret");
  CHECK(unauthenticatedPing(redis.port()).rfind("-NOAUTH", 0) == 0);
  redis.kill9();
  redis.restart();  // the password survives a restart
  CHECK(redis.command({"PING"}) == "PONG");
  CHECK(unauthenticatedPing(redis.port()).rfind("-NOAUTH", 0) == 0);
}

TEST_CASE("redis server: the destructor reaps the process and removes its directory") {
  pid_t pid = 0;
  std::filesystem::path dir;
  {
    RedisServer redis;
    pid = static_cast<pid_t>(std::stol(infoField(redis, "process_id")));
    const std::string config = redis.command({"CONFIG", "GET", "dir"});
    dir = config.substr(config.find('\n') + 1);
    CHECK(std::filesystem::exists(dir / "redis.log"));
  }
  const int signalled = kill(pid, 0);
  const int error = errno;
  CHECK(signalled == -1);
  CHECK(error == ESRCH);  // reaped, not a zombie: a zombie still takes signals
  CHECK_FALSE(std::filesystem::exists(dir));
}

}  // namespace
}  // namespace nba::testing
