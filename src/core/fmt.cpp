/// fmt's compiled part, built once into the binaries that carry fmt inside
/// (FACTLINT_STATIC_RUNTIME): Debian ships libfmt only as a shared library, and fmt's header-only
/// mode would compile this part again into every file that formats (80% more build time).
/// format-inl.h defines fmt's out-of-line functions; the templates fmt/format.h declares
/// `extern` are instantiated here, once.
#include <fmt/format-inl.h>

FMT_BEGIN_NAMESPACE
namespace detail {

template auto dragonbox::to_decimal(float x) noexcept -> dragonbox::decimal_fp<float>;
template auto dragonbox::to_decimal(double x) noexcept -> dragonbox::decimal_fp<double>;
template auto thousands_sep_impl<char>(locale_ref) -> thousands_sep_result<char>;
template auto decimal_point_impl(locale_ref) -> char;

} // namespace detail
FMT_END_NAMESPACE
