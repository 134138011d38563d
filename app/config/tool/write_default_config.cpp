// Build tool: writes the configuration file the package installs (every setting, commented,
// with its default; app/config/config.h default_config_text) to the path given.
#include <fstream>
#include <iostream>

#include "app/config/config.h"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " OUT\n";
        return 2;
    }
    std::ofstream out(argv[1]);
    out << default_config_text();
    return out ? 0 : 1;
}
