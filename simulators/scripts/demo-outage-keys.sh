#!/usr/bin/env bash
# Makes the demo units' outage e-mail keys (R-OUT-1): one RSA key pair and self-signed S/MIME certificate per
# demo e-mail address, valid 20 years, in simulators/src/main/resources/demo/outage-keys.p12 (password "demo-only",
# alias = the address). DEMO ONLY: these private keys are public; they let the demo and the tests decrypt the
# outage mail as the receiving unit would. The certificates go into the smime-email Endpoints of the demo seed
# and the FSH example (extension vb-endpoint-certificate); prints "address base64-DER" per line for that.
set -euo pipefail
cd "$(dirname "$0")/.."
STORE=src/main/resources/demo/outage-keys.p12
rm -f "$STORE"
for address in "$@"; do
  keytool -genkeypair -noprompt -storetype PKCS12 -keystore "$STORE" -storepass demo-only -alias "$address" \
    -keyalg RSA -keysize 2048 -sigalg SHA256withRSA -validity 7300 -startdate 2025/01/01 \
    -dname "CN=$address, O=Vardbrygga demo" \
    -ext "KeyUsage=digitalSignature,keyEncipherment" -ext "ExtendedKeyUsage=emailProtection" \
    -ext "SAN=email:$address" >/dev/null 2>&1
  printf '%s %s\n' "$address" "$(keytool -exportcert -storetype PKCS12 -keystore "$STORE" -storepass demo-only -alias "$address" | base64 -w0)"
done
