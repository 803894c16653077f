// Entry point of the renaksi executable.
#include <exception>
#include <iostream>

#include "cli/app.h"
#include "env/heap.h"

int main(int argc, char** argv) {
  renaksi::limit_heap_arenas();
  // run_cli guards every command; this catches what escapes building the command line itself.
  try {
    return renaksi::run_cli(argc, argv, std::cout, std::cerr);
  } catch (...) {
    std::cerr << "renaksi: internal error: the command line could not be set up\n";
    return 3;
  }
}
