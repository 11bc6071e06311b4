#!/usr/bin/env bash
# The SMPP tests and bench:smpp run against an SMSC this project's client did
# not write: Debian's Net::SMPP (libnet-smpp-perl), driven by
# tests/smsc/net-smpp-smsc.pl. Installs it when missing and we are root;
# otherwise explains. (Kannel's drive_smpp is not used: it needs a bearerbox
# between itself and the ESME, docs/carriers.md "Test SMSC".)
set -euo pipefail
missing=()
perl -MNet::SMPP -e1 2>/dev/null || missing+=(libnet-smpp-perl)
perl -MJSON::PP -e1 2>/dev/null || missing+=(perl)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing ${missing[*]} for the SMPP tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "Missing ${missing[*]}: install them (sudo apt-get install ${missing[*]}) for the SMPP tests." >&2
  exit 1
fi
