# The fuzz targets: fuzz/<name>.cpp each, replayed over fuzz/regressions/<name>/.
set(FACTLINT_FUZZ_TARGETS fuzz_document fuzz_quantity fuzz_claims fuzz_lint fuzz_pack fuzz_lsp)
