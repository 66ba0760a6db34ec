# Sourced by test-all.sh and bench.sh: the Debian packages Herald's tests and bench drive.
apt_updated=""
apt_install() {
  [ -n "$apt_updated" ] || { apt-get update -qq; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
have_initdb() { command -v initdb >/dev/null || compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; }
# PostgreSQL's server binaries only: the tests and the bench start their own throwaway clusters.
install_postgres() {
  # policy-rc.d answering 101 keeps dpkg from starting Debian's own cluster service.
  local policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && policy=1
  fi
  apt_install postgresql
  [ -z "$policy" ] || rm -f /usr/sbin/policy-rc.d
}
