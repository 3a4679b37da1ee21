#include "engine/linter.hpp"

// Placeholder: written with the language server.
