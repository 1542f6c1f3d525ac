#!/usr/bin/env bash
# go-offline-modfile.sh PROJECT_DIR STAGE_DIR
#
# Prepares an offline, module-mode build of the Go project in PROJECT_DIR
# without touching it (see shared/reference/go-offline.md):
#
#   STAGE_DIR/go.mod    copy of PROJECT_DIR/go.mod plus one
#                       `replace M => DIR` per module in the module graph
#   STAGE_DIR/go.sum    empty (directory replacements need no checksums)
#   STAGE_DIR/shims/M/  module M built from a Debian source folder that has
#                       no (or a foreign) go.mod: a go.mod plus symlinks,
#                       e.g. github.com/ugorji/go/codec
#   STAGE_DIR/stubs/M/  empty module (just `module M`) for a module Debian
#                       does not ship; importing a package from it fails with
#                       "module M@... found (..., replaced by ...), but does
#                       not contain package P"
#
# For every module required by the project (direct and indirect) and,
# transitively, by the go.mod files of the Debian copies used, it adds
#   replace M => /usr/share/gocode/src/M    when Debian has module M there,
#   replace M => STAGE_DIR/shims/M          when Debian has M's sources but
#                                           not a go.mod declaring M,
#   replace M => STAGE_DIR/stubs/M          otherwise.
# Modules the project replaces itself are left alone (a local replacement's
# own requirements are followed).
#
# Idempotent: go.mod, go.sum, shims/ and stubs/ in STAGE_DIR are rewritten on
# every run; nothing else in STAGE_DIR is touched. PROJECT_DIR is only read.
# A report (one line per module) goes to stderr. The last line on stdout is
# the GOFLAGS value to use:
#   -mod=mod -modfile=/abs/STAGE_DIR/go.mod
#
# Usage:
#   GOFLAGS="$(scripts/go-offline-modfile.sh examples/hello-gin /tmp/stage | tail -1)" \
#   GOPROXY=off GOTOOLCHAIN=local GOWORK=off go build ./...
#
# Environment: GANTRY_GOCODE_SRC overrides /usr/share/gocode/src.
# Exit codes: 0 ok, 1 error (message on stderr, e.g. Go's own go.mod parse
# error), 2 usage.
set -euo pipefail

prog="go-offline-modfile"
GOCODE="${GANTRY_GOCODE_SRC:-/usr/share/gocode/src}"

die() { echo "$prog: $*" >&2; exit 1; }
note() { echo "$prog: $*" >&2; }

if [ $# -ne 2 ]; then
    echo "usage: $prog PROJECT_DIR STAGE_DIR" >&2
    exit 2
fi
command -v go >/dev/null 2>&1 || die "go not found in PATH"

[ -d "$1" ] || die "project directory not found: $1"
PROJECT="$(cd "$1" && pwd -P)"
[ -f "$PROJECT/go.mod" ] || die "no go.mod in $PROJECT"

# Check the stage path before creating anything (realpath -m: the folder may
# not exist yet; symlinks in the existing part are resolved like pwd -P).
STAGE="$(realpath -m -- "$2")" || die "bad stage directory: $2"
case "$STAGE" in
    *[[:space:]]*) die "stage directory must not contain whitespace (GOFLAGS is split on spaces): $STAGE" ;;
esac
case "$STAGE/" in
    "$PROJECT/"*) die "stage directory must be outside the project: $STAGE" ;;
esac
mkdir -p "$STAGE" || die "cannot create stage directory: $STAGE"

# Run go without the caller's GOFLAGS (a stale -modfile would be applied).
gocmd() { env -u GOFLAGS GOPROXY=off GOTOOLCHAIN=local GOWORK=off GO111MODULE=on go "$@"; }

# load_modinfo GO_MOD_FILE [fast] parses the file once into
# modinfo_cache[FILE] (call it directly, not in $(...), so the cache sticks),
# as lines
#   module PATH
#   go VERSION
#   require PATH
#   replace OLD_PATH NEW_PATH [NEW_VERSION]
# The project's go.mod is read with `go mod edit -json` (json.MarshalIndent:
# one tab per level) so that Go itself reports syntax errors; with "fast",
# the go.mod files of Debian's copies are read with awk (module, go and
# require only), which saves one go process per module.
# On a parse error it returns 1 with Go's message in modinfo_error.
declare -A modinfo_cache=()
modinfo_error=""
load_modinfo() {
    local json
    [ -n "${modinfo_cache[$1]+x}" ] && return 0
    if [ "${2:-}" = fast ]; then
        [ -r "$1" ] || return 1
        modinfo_cache["$1"]="$(awk '
            function unq(s) { gsub(/"/, "", s); return s }
            { sub(/\/\/.*/, "") }
            $1 == "module" && NF >= 2 { print "module", unq($2); next }
            $1 == "go" && NF >= 2 { print "go", $2; next }
            $1 == "require" && $2 == "(" { inreq = 1; next }
            $1 == "require" && NF >= 3 { print "require", unq($2); next }
            inreq && $1 == ")" { inreq = 0; next }
            inreq && NF >= 2 { print "require", unq($1) }
        ' "$1")"
        return 0
    fi
    if ! json="$(gocmd mod edit -json "$1" 2>&1)"; then
        modinfo_error="$json"
        return 1
    fi
    modinfo_cache["$1"]="$(awk '
        function val(s) { sub(/^[ \t]*"[A-Za-z]+": "?/, "", s); sub(/"?,?$/, "", s); return s }
        /^\t"[A-Za-z]+":/ { sec = $1; gsub(/[":]/, "", sec) }
        sec == "Module" && /^\t\t"Path": / { print "module", val($0) }
        sec == "Go" { print "go", val($0); sec = "" }
        sec == "Require" && /^\t\t\t"Path": / { print "require", val($0) }
        sec == "Replace" && /^\t\t\t"(Old|New)": / { side = $1; gsub(/[":]/, "", side) }
        sec == "Replace" && /^\t\t\t\t"Path": / { if (side == "Old") op = val($0); else np = val($0) }
        sec == "Replace" && /^\t\t\t\t"Version": / { if (side == "New") nv = val($0) }
        sec == "Replace" && /^\t\t}/ { print "replace", op, np, nv; op = np = nv = "" }
    ' <<<"$json")"
}

# modinfo_field GO_MOD_FILE KIND: first value of KIND (module, go), if any.
modinfo_field() {
    local kind val rest
    load_modinfo "$1" fast || return 0
    while read -r kind val rest; do
        if [ "$kind" = "$2" ]; then
            printf '%s\n' "$val"
            return 0
        fi
    done <<<"${modinfo_cache[$1]}"
}

if ! load_modinfo "$PROJECT/go.mod"; then
    echo "$prog: cannot parse $PROJECT/go.mod:" >&2
    echo "$modinfo_error" >&2
    exit 1
fi

# Modules the project replaces itself: old path -> "new path [version]".
declare -A project_repl=()
queue=()
while read -r kind a b c; do
    case "$kind" in
        require) queue+=("$a") ;;
        replace) project_repl["$a"]="$b${c:+ $c}" ;;
    esac
done <<<"${modinfo_cache[$PROJECT/go.mod]}"

declare -A seen=() target=() how=()

enqueue_requires() { # GO_MOD_FILE
    local kind a rest
    if ! load_modinfo "$1" fast; then
        note "warning: cannot parse $1 (its requirements are ignored)"
        return 0
    fi
    while read -r kind a rest; do
        if [ "$kind" = require ]; then queue+=("$a"); fi
    done <<<"${modinfo_cache[$1]}"
    return 0
}

has_go_sources() { # DIR
    [ -n "$(find -L "$1" -name '*.go' ! -name '*_test.go' -print -quit 2>/dev/null)" ]
}

make_stub() { # MODULE
    local dir="$STAGE/stubs/$1"
    mkdir -p "$dir"
    printf 'module %s\n' "$1" >"$dir/go.mod"
    target["$1"]="$dir"
    how["$1"]="stub"
}

# A module built from a Debian folder without a go.mod of its own (or with one
# declaring another path): go.mod plus symlinks to everything but tests.
make_shim() { # MODULE DEBIAN_DIR [GO_VERSION]
    local dir="$STAGE/shims/$1" src="$2" gover="${3:-}" entry name
    mkdir -p "$dir"
    printf 'module %s\n' "$1" >"$dir/go.mod"
    if [ -n "$gover" ]; then printf '\ngo %s\n' "$gover" >>"$dir/go.mod"; fi
    local links=()
    shopt -s nullglob dotglob
    for entry in "$src"/*; do
        name="${entry##*/}"
        case "$name" in
            go.mod | go.sum | *_test.go | testdata | .*) continue ;;
        esac
        links+=("$entry")
    done
    shopt -u nullglob dotglob
    if [ ${#links[@]} -gt 0 ]; then ln -s "${links[@]}" "$dir/"; fi
    target["$1"]="$dir"
    how["$1"]="shim"
}

resolve() { # MODULE
    local m="$1" d cand mp

    if [ -n "${project_repl[$m]+x}" ]; then
        # shellcheck disable=SC2086 # "path [version]", split on purpose
        set -- ${project_repl[$m]}
        if [ $# -eq 1 ]; then
            case "$1" in
                /*) d="$1" ;;
                *) d="$PROJECT/$1" ;;
            esac
            if [ -f "$d/go.mod" ]; then enqueue_requires "$d/go.mod"; fi
            printf '%s: %-7s %s => %s\n' "$prog" project "$m" "$1" >&2
        else
            note "warning: project replaces $m with module $1 $2; that module must already be in the module cache"
        fi
        return 0
    fi

    # Debian ships github.com/ugorji/go/codec inside module github.com/ugorji/go.
    # The codec module gets a shim (below); the root module becomes a stub so the
    # codec package is not provided by two modules (ambiguous import).
    if [ "$m" = "github.com/ugorji/go" ]; then
        make_stub "$m"
        return 0
    fi

    # Debian folder whose go.mod declares exactly this module. For /vN modules
    # Debian sometimes keeps the sources in the folder without the suffix.
    local cands=("$GOCODE/$m")
    if [[ "$m" =~ ^(.+)/v[0-9]+$ ]]; then
        cands+=("$GOCODE/${BASH_REMATCH[1]}")
    fi
    for cand in "${cands[@]}"; do
        if [ -f "$cand/go.mod" ]; then
            mp="$(modinfo_field "$cand/go.mod" module)"
            if [ "$mp" = "$m" ]; then
                target["$m"]="$cand"
                how["$m"]="debian"
                enqueue_requires "$cand/go.mod"
                return 0
            fi
        fi
    done

    d="$GOCODE/$m"
    if [ -d "$d" ] && has_go_sources "$d"; then
        if [ -f "$d/go.mod" ]; then
            make_shim "$m" "$d" "$(modinfo_field "$d/go.mod" go)"
            enqueue_requires "$d/go.mod"
        else
            make_shim "$m" "$d"
        fi
        return 0
    fi

    make_stub "$m"
}

# Start from a clean slate (idempotent); only our own files are removed.
rm -rf "$STAGE/stubs" "$STAGE/shims"
rm -f "$STAGE/go.mod" "$STAGE/go.sum"

i=0
while [ $i -lt ${#queue[@]} ]; do
    m="${queue[$i]}"
    i=$((i + 1))
    [ -n "${seen[$m]+x}" ] && continue
    seen["$m"]=1
    resolve "$m"
done

cp "$PROJECT/go.mod" "$STAGE/go.mod"
chmod u+w "$STAGE/go.mod"
: >"$STAGE/go.sum"

edits=()
if [ ${#target[@]} -gt 0 ]; then
    while read -r m; do
        edits+=("-replace=$m=${target[$m]}")
        printf '%s: %-7s %s => %s\n' "$prog" "${how[$m]}" "$m" "${target[$m]}" >&2
    done < <(printf '%s\n' "${!target[@]}" | LC_ALL=C sort)
    gocmd mod edit "${edits[@]}" "$STAGE/go.mod" || die "go mod edit failed on $STAGE/go.mod"
fi

echo "-mod=mod -modfile=$STAGE/go.mod"
