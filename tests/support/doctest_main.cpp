#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>
#include <spdlog/spdlog.h>

int main(int argc, char** argv) {
  // Servers under test log to stderr; keep the test output to what failed.
  spdlog::set_level(spdlog::level::err);
  doctest::Context context(argc, argv);
  return context.run();
}
