/// Boost.JSON compiled once, header-only mode: the only translation unit that includes its sources.
#include <boost/json/src.hpp>
