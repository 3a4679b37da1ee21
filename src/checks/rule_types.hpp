/// The run functions of the rule types, one per file in src/checks/; registry.cpp lists them.
#pragma once

#include "checks/check.hpp"

namespace factlint::checks {

void figure_conflict(const CheckContext& context, std::vector<Diagnostic>& out);
void hedge_mismatch(const CheckContext& context, std::vector<Diagnostic>& out);
void misattribution(const CheckContext& context, std::vector<Diagnostic>& out);
void name_variant(const CheckContext& context, std::vector<Diagnostic>& out);
void relation_violation(const CheckContext& context, std::vector<Diagnostic>& out);
void stale_figure(const CheckContext& context, std::vector<Diagnostic>& out);
void unattributed_figure(const CheckContext& context, std::vector<Diagnostic>& out);
void unverified_claim(const CheckContext& context, std::vector<Diagnostic>& out);

} // namespace factlint::checks
