#!/usr/bin/env bash
# Checks a running mcp-gateway the way an MCP client sees it, with the official MCP Inspector CLI
# (@modelcontextprotocol/inspector, Streamable HTTP + bearer header): lists the tools (all ten must be there)
# and calls check_payment_status.
#
# Usage: mcp-gateway/scripts/inspector-check.sh [MCP_URL] [MCP_TOKEN] [PAYMENT_INTENT_ID]
#   MCP_URL            default $MCP_URL or http://localhost:8080/mcp
#   MCP_TOKEN          default $MCP_TOKEN (./stack up writes both to .stack/env; or `token create`)
#   PAYMENT_INTENT_ID  default $PAYMENT_INTENT_ID; without one, check_payment_status is called with an unknown id
#                      and must come back as a tool error (isError), not as a protocol error.
# The Inspector is installed once under mcp-gateway/target/inspector (never committed).
# Exit codes: 0 passed, 1 a check failed, 2 usage, 3 the Inspector cannot be installed or run on this machine.
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MODULE="$(dirname "$HERE")"
INSPECTOR_VERSION="${INSPECTOR_VERSION:-2.12.0}"
INSPECTOR_DIR="${INSPECTOR_DIR:-$MODULE/target/inspector}"
URL="${1:-${MCP_URL:-http://localhost:8080/mcp}}"
TOKEN="${2:-${MCP_TOKEN:-}}"
PAYMENT="${3:-${PAYMENT_INTENT_ID:-}}"
TOOLS=(initiate_purchase check_payment_status complete_purchase cancel_payment save_quote_for_later
       send_payment_link get_payment_link refund_payment list_payments payment_analytics)

[ -n "$TOKEN" ] || { echo "No token: pass it as the 2nd argument or set MCP_TOKEN." >&2; exit 2; }
command -v node >/dev/null && command -v npm >/dev/null || { echo "node/npm not found" >&2; exit 3; }

BIN="$INSPECTOR_DIR/node_modules/.bin/mcp-inspector"
if [ ! -x "$BIN" ]; then
  echo "Installing @modelcontextprotocol/inspector@$INSPECTOR_VERSION into $INSPECTOR_DIR ..."
  mkdir -p "$INSPECTOR_DIR"
  npm install --prefix "$INSPECTOR_DIR" --no-audit --no-fund --loglevel=error \
      "@modelcontextprotocol/inspector@$INSPECTOR_VERSION" >"$INSPECTOR_DIR/npm-install.log" 2>&1 \
    || { cat "$INSPECTOR_DIR/npm-install.log" >&2; echo "could not install the Inspector" >&2; exit 3; }
fi
# Keep the Inspector's server catalog out of the user's home.
export MCP_CATALOG_PATH="$INSPECTOR_DIR/mcp.json"

inspect() {
  "$BIN" --cli "$URL" --transport http --header "Authorization: Bearer $TOKEN" "$@" 2>&1
}

fail() { echo "FAIL: $*" >&2; exit 1; }

echo "tools/list on $URL"
tools="$(inspect --method tools/list)" || fail "tools/list: $tools"
for t in "${TOOLS[@]}"; do
  grep -q "\"$t\"" <<<"$tools" || fail "tool $t missing from tools/list: $tools"
done
grep -q '"outputSchema"' <<<"$tools" || fail "tools/list shows no outputSchema"
echo "  ${#TOOLS[@]} tools listed, with output schemas"

id="${PAYMENT:-pay_does_not_exist_inspector}"
echo "tools/call check_payment_status payment_intent_id=$id"
result="$(inspect --method tools/call --tool-name check_payment_status --tool-arg "payment_intent_id=$id")"
code=$?
echo "$result" | head -c 2000; echo
if [ -n "$PAYMENT" ]; then
  [ $code -eq 0 ] || fail "check_payment_status exited $code"
  grep -q '"payment_status"' <<<"$result" || fail "no payment_status in the result"
  grep -Eq '"isError": *true' <<<"$result" && fail "check_payment_status returned a tool error"
else
  grep -Eq '"isError": *true' <<<"$result" || fail "an unknown payment must come back as isError"
fi
echo "OK: the Inspector lists the tools and calls check_payment_status with a bearer token."
