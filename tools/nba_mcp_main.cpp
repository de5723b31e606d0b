#include "app/run_main.h"

int main(int argc, char** argv) { return nba::app::runMain(argc, argv); }
