#pragma once

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace nba::bench {

// A child process whose stdin and stdout are pipes to us (stderr is inherited).
// Move-only; the destructor closes the pipes and reaps the child.
class ChildProcess {
 public:
  // Starts argv[0] (searched in PATH when it has no '/'). On failure returns nothing
  // and sets `error`.
  static std::optional<ChildProcess> spawn(const std::vector<std::string>& argv,
                                           std::string& error);

  ChildProcess(ChildProcess&& other) noexcept;
  ChildProcess& operator=(ChildProcess&&) = delete;
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;
  ~ChildProcess();

  pid_t pid() const { return pid_; }
  int toChild() const { return to_child_; }
  int fromChild() const { return from_child_; }

  // Closes the child's stdin, waits up to `grace` for it to exit, then kills it.
  // Returns true when it exited on its own with status 0.
  bool finish(std::chrono::milliseconds grace);
  void kill();

 private:
  ChildProcess(pid_t pid, int to_child, int from_child);
  void closePipes();

  pid_t pid_ = -1;
  int to_child_ = -1;
  int from_child_ = -1;
};

// Writes all of `data` to `fd`; false when the peer is gone.
bool writeAll(int fd, const char* data, std::size_t size);

}  // namespace nba::bench
