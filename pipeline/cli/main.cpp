// Entry point of the renaksi executable.
#include <iostream>

#include "cli/app.h"

int main(int argc, char** argv) { return renaksi::run_cli(argc, argv, std::cout, std::cerr); }
