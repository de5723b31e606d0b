#include "mcp/reader_relay.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>

namespace nba::mcp {
namespace {

// Which of the relay's threads this is (0 or 1); -1 on every other thread.
thread_local int t_relay_thread = -1;

}  // namespace

ReaderRelay::ReaderRelay(std::function<void()> read, std::chrono::microseconds take_over_after)
    : read_(std::move(read)), take_over_after_(take_over_after) {
  // Non-blocking: an expiry the stand-by saw may be cleared by endCall() before it reads
  // it, and a blocking read would then wait for a timer nobody arms again.
  timer_fd_ = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
  stop_fd_ = eventfd(0, EFD_CLOEXEC);
}

void ReaderRelay::start() {
  threads_[0] = std::thread([this] { loop(0); });
  // Without its descriptors the stand-by could not wait: then there is none, beginCall
  // always says no, and every call goes wherever the caller sends calls it cannot run.
  if (timer_fd_ >= 0 && stop_fd_ >= 0) {
    threads_[1] = std::thread([this] { loop(1); });
  }
}

ReaderRelay::~ReaderRelay() {
  join();
  for (int fd : {timer_fd_, stop_fd_}) {
    if (fd >= 0) {
      close(fd);
    }
  }
}

void ReaderRelay::loop(int self) {
  t_relay_thread = self;
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    if (holder_ == self) {
      lock.unlock();
      read_();  // returns when the input ended (stop() follows) or the role was taken over
      lock.lock();
      continue;
    }
    standBy(self, lock);
  }
}

void ReaderRelay::standBy(int self, std::unique_lock<std::mutex>& lock) {
  standing_by_ = true;
  lock.unlock();
  pollfd fds[2] = {{timer_fd_, POLLIN, 0}, {stop_fd_, POLLIN, 0}};
  int n;
  do {
    n = poll(fds, 2, -1);
  } while (n < 0 && errno == EINTR);
  if (n > 0 && (fds[0].revents & POLLIN) != 0) {
    std::uint64_t expirations = 0;
    // Clears it; EAGAIN when endCall() disarmed it first.
    ssize_t ignored = ::read(timer_fd_, &expirations, sizeof expirations);
    (void)ignored;
  }
  lock.lock();
  standing_by_ = false;
  // An expiry that raced with the end of the call finds in_call_ false: nothing to do.
  if (!stopping_ && in_call_ && holder_ != self) {
    holder_ = self;
    in_call_ = false;  // the old holder's call goes on, but it no longer holds the role
  }
}

bool ReaderRelay::beginCall() {
  {
    std::lock_guard lock(mutex_);
    if (!standing_by_ || stopping_) {
      return false;
    }
    in_call_ = true;
  }
  armTimer(take_over_after_);
  return true;
}

bool ReaderRelay::endCall() {
  // Only the holder arms the timer, and the other thread cannot begin a call before this
  // one stands by again, so disarming here never cancels someone else's timer.
  armTimer(std::chrono::microseconds(0));
  std::lock_guard lock(mutex_);
  if (holder_ != t_relay_thread) {
    return false;
  }
  in_call_ = false;
  return true;
}

void ReaderRelay::armTimer(std::chrono::microseconds after) {
  itimerspec spec{};
  spec.it_value.tv_sec = static_cast<time_t>(after.count() / 1'000'000);
  spec.it_value.tv_nsec = static_cast<long>(after.count() % 1'000'000 * 1'000);
  timerfd_settime(timer_fd_, 0, &spec, nullptr);  // zero disarms it and clears expiries
}

void ReaderRelay::join() {
  stop();
  for (std::thread& thread : threads_) {
    if (thread.joinable()) {
      thread.join();
    }
  }
}

void ReaderRelay::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) {
      return;
    }
    stopping_ = true;
  }
  if (stop_fd_ >= 0) {
    std::uint64_t one = 1;
    ssize_t ignored = write(stop_fd_, &one, sizeof one);
    (void)ignored;
  }
}

}  // namespace nba::mcp
