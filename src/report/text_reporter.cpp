#include "report/reporter.hpp"

// Placeholder: written with the CLI.
