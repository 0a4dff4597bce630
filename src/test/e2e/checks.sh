# checks.sh — the product checks of issue 6 (sourced by run-e2e.sh).
PRODUCT_CHECKS=()
probe_product() { PRODUCT_HAS=""; }
