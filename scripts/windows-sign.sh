#!/usr/bin/env bash
# Signs Windows installers (setup.exe, .msi) in place with osslsigncode (Authenticode).
#
#   windows-sign.sh [--if-configured] FILE...
#
# --if-configured: without GANTRY_SIGN_CERT, leave the files unsigned and say so (the build's
# installer targets sign this way).
#
#   GANTRY_SIGN_CERT      the certificate: PEM (with GANTRY_SIGN_KEY) or PKCS#12 (.p12/.pfx, key inside)
#   GANTRY_SIGN_KEY       the PEM private key (not for PKCS#12)
#   GANTRY_SIGN_PASSWORD  the key's or the PKCS#12 file's password, if any: read from the environment
#                         only, never put on a command line (it would show in ps and build.ninja)
#   GANTRY_SIGN_TIMESTAMP an RFC 3161 time-stamp server URL (optional: signatures then outlive the cert)
#
# Check a signature: osslsigncode verify -CAfile <ca.pem> -in FILE
set -euo pipefail

log() { echo "windows-sign: $*" >&2; }
if [ "${1:-}" = --if-configured ]; then
    shift
    if [ -z "${GANTRY_SIGN_CERT:-}" ]; then
        log "not signing $* (no GANTRY_SIGN_CERT)"
        exit 0
    fi
fi
[ $# -ge 1 ] || { log "usage: windows-sign.sh [--if-configured] FILE..."; exit 2; }
cert=${GANTRY_SIGN_CERT:?GANTRY_SIGN_CERT names the signing certificate}
command -v osslsigncode >/dev/null || { log "osslsigncode not found (scripts/install-deps.sh)"; exit 1; }

args=(-h sha256 -n "Gantry" -i "https://github.com/gantry-app/gantry")
case "${cert,,}" in
    *.p12 | *.pfx) args+=(-pkcs12 "$cert") ;;
    *) args+=(-certs "$cert" -key "${GANTRY_SIGN_KEY:?GANTRY_SIGN_KEY names the PEM private key}") ;;
esac
if [ -n "${GANTRY_SIGN_PASSWORD:-}" ]; then
    # osslsigncode reads it from a file; it refuses a pipe (/dev/fd/N from <(...)).
    passfile=$(mktemp)
    trap 'rm -f "$passfile"' EXIT
    printf '%s' "$GANTRY_SIGN_PASSWORD" >"$passfile"
    args+=(-readpass "$passfile")
fi
[ -z "${GANTRY_SIGN_TIMESTAMP:-}" ] || args+=(-ts "$GANTRY_SIGN_TIMESTAMP")

for file in "$@"; do
    osslsigncode sign "${args[@]}" -in "$file" -out "$file.signed" >/dev/null
    mv -f "$file.signed" "$file"
    log "signed $file"
done
