#!/usr/bin/perl
# A scriptable SMPP 3.4 SMSC for tests and benchmarks, on Debian's Net::SMPP
# (libnet-smpp-perl): PDUs are encoded and decoded by Net::SMPP, not by the
# client under test. One process, one select loop, any number of binds.
#
#   perl net-smpp-smsc.pl --port P --control-port C [--account ID:PASSWORD]...
#                         [--record FILE] [--dlr-delay-ms N] [--quiet]
#
# Prints "LISTENING smpp=P control=C" once both ports listen. The control
# port takes one JSON object per line and answers one JSON line; commands and
# the record format are documented in tests/smsc/start-smsc.ts.
use strict;
use warnings;
use utf8;
use Net::SMPP;
use IO::Socket::INET;
use IO::Select;
use Time::HiRes qw(time);
use JSON::PP;
use Encode qw(encode decode);
use Getopt::Long;

$SIG{PIPE} = 'IGNORE';
$| = 1;

my ($port, $control_port, $record_file, $quiet) = (0, 0, undef, 0);
my @accounts;
my $dlr_delay_ms = 0;
GetOptions(
  'port=i' => \$port,
  'control-port=i' => \$control_port,
  'account=s' => \@accounts,
  'record=s' => \$record_file,
  'dlr-delay-ms=i' => \$dlr_delay_ms,
  'quiet' => \$quiet,
) or die "bad arguments\n";
@accounts = ('test:secret') unless @accounts;
my %passwords = map { my ($id, $pw) = split /:/, $_, 2; ($id => $pw) } @accounts;

my $json = JSON::PP->new->canonical(1);
my $record_fh;
if (defined $record_file) {
  open($record_fh, '>>', $record_file) or die "cannot open $record_file: $!\n";
  $record_fh->autoflush(1);
}

my $listener = Net::SMPP->new_listen('127.0.0.1', port => $port, smpp_version => 0x34, async => 1)
  or die "smpp listen on $port: $!\n";
my $control = IO::Socket::INET->new(LocalAddr => '127.0.0.1', LocalPort => $control_port, Listen => 16, ReuseAddr => 1)
  or die "control listen on $control_port: $!\n";
my $select = IO::Select->new($listener, $control);
print "LISTENING smpp=$port control=$control_port\n";

# --- state -----------------------------------------------------------------
my %conns;          # fileno => { sock, buf, bound, mode (trx|tx|rx), system_id, id }
my %controls;       # fileno => { sock, buf }
my $next_conn = 0;
my $next_msg = 0;
my $id_prefix = sprintf('%04x', $$ & 0xffff);
my %stats = (submits => 0, accepted => 0, refused => 0, throttled => 0, dropped => 0, binds => 0,
             bindRefused => 0, dlrsSent => 0, mosSent => 0, deliverSmResps => 0, deliverSmRefused => 0, redelivered => 0, muted => 0);
my %config = (dlrDelayMs => $dlr_delay_ms, dlrTlv => JSON::PP::true, closeOnBind => JSON::PP::false);
my @rules;          # { prefix, stat, err, delayMs, submitStatus, tlv }
my $throttle_count = 0;
my $throttle_until = 0;
my $throttle_status = 0x58;
my $drop_after = 0;
my $mute = 0;
my $dlr_first = 0;
my @scheduled;      # { at, system_id, pdu_args } delivery receipts / MO waiting for their time
my @undelivered;    # deliver_sm waiting for a receiver bind of their system_id

sub logmsg { print STDERR "[smsc] @_\n" unless $quiet }

# --- GSM 03.38 (for injected MO text; unpacked, one septet per octet) -------
my $GSM = "\@£\$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x{1b}ÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
        . "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
my %GSM_EXT = ("\f" => 0x0a, '^' => 0x14, '{' => 0x28, '}' => 0x29, '\\' => 0x2f, '[' => 0x3c, '~' => 0x3d,
               ']' => 0x3e, '|' => 0x40, '€' => 0x65);
my %GSM_CODE;
for my $i (0 .. length($GSM) - 1) { $GSM_CODE{substr($GSM, $i, 1)} = $i unless $i == 0x1b }
sub gsm_encode {
  my ($text) = @_;
  my $out = '';
  for my $ch (split //, $text) {
    if (exists $GSM_CODE{$ch}) { $out .= chr($GSM_CODE{$ch}) }
    elsif (exists $GSM_EXT{$ch}) { $out .= chr(0x1b) . chr($GSM_EXT{$ch}) }
    else { $out .= chr($GSM_CODE{'?'}) }
  }
  return $out;
}

# --- helpers -----------------------------------------------------------------
sub close_conn {
  my ($c, $why) = @_;
  logmsg("close conn $c->{id} ($why)");
  $select->remove($c->{sock});
  delete $conns{$c->{fd}};
  close($c->{sock});
  # deliver_sm never acknowledged go again on another bind (now or when one binds), as an SMSC retries them.
  my $pending = $c->{pending} // {};
  for my $seq (sort { $a <=> $b } keys %$pending) {
    my $d = $pending->{$seq};
    delete $d->{conn};
    $stats{redelivered}++;
    send_deliver($d);
  }
  $c->{pending} = {};
}

sub receiver_for {
  my ($system_id, $prefer) = @_;
  # The same connection, not merely its fd: a closed connection's fd is reused by the next one.
  return $prefer if $prefer && ($conns{$prefer->{fd}} // 0) == $prefer && $prefer->{bound} && $prefer->{mode} ne 'tx';
  for my $c (values %conns) {
    return $c if $c->{bound} && $c->{mode} ne 'tx' && (!defined $system_id || $c->{system_id} eq $system_id);
  }
  return undef;
}

sub send_deliver {
  my ($d) = @_;
  my $c = receiver_for($d->{system_id}, $d->{conn});
  if (!$c) { push @undelivered, $d; return }
  my $seq = $c->{sock}->deliver_sm(@{$d->{args}});
  $c->{pending}{$seq} = $d;
  $stats{$d->{kind} eq 'dlr' ? 'dlrsSent' : 'mosSent'}++;
}

sub stamp {
  my @t = gmtime(shift);
  return sprintf('%02d%02d%02d%02d%02d', $t[5] % 100, $t[4] + 1, $t[3], $t[2], $t[1]);
}

sub match_rule {
  my ($dest) = @_;
  my $best;
  for my $r (@rules) {
    next unless index($dest, $r->{prefix}) == 0;
    $best = $r if !$best || length($r->{prefix}) > length($best->{prefix});
  }
  return $best;
}

sub receipt_args {
  my ($pdu, $msg_id, $rule, $submitted_at) = @_;
  my $stat = ($rule && $rule->{stat}) || 'DELIVRD';
  my $err = ($rule && defined $rule->{err}) ? $rule->{err} : '000';
  my $dlvrd = $stat eq 'DELIVRD' ? '001' : '000';
  my $text = sprintf('id:%s sub:001 dlvrd:%s submit date:%s done date:%s stat:%s err:%s text:',
                     $msg_id, $dlvrd, stamp($submitted_at), stamp(time), $stat, $err);
  my %state = (ENROUTE => 1, DELIVRD => 2, EXPIRED => 3, DELETED => 4, UNDELIV => 5, ACCEPTD => 6, UNKNOWN => 7, REJECTD => 8);
  my $tlv = ($rule && defined $rule->{tlv}) ? $rule->{tlv} : $config{dlrTlv};
  return [
    source_addr_ton => $pdu->{dest_addr_ton}, source_addr_npi => $pdu->{dest_addr_npi},
    source_addr => $pdu->{destination_addr},
    dest_addr_ton => $pdu->{source_addr_ton}, dest_addr_npi => $pdu->{source_addr_npi},
    destination_addr => $pdu->{source_addr},
    esm_class => 0x04, data_coding => 0, short_message => $text,
    ($tlv ? (receipted_message_id => "$msg_id\0", message_state => pack('C', $state{$stat} // 7)) : ()),
  ];
}

sub record {
  my ($entry) = @_;
  print $record_fh $json->encode($entry), "\n" if $record_fh;
}

# --- SMPP PDUs ----------------------------------------------------------------
sub handle_submit {
  my ($c, $pdu) = @_;
  my $now = time;
  $stats{submits}++;
  my %entry = (
    t => $now, conn => $c->{id}, seq => $pdu->{seq}, systemId => $c->{system_id},
    sourceAddr => $pdu->{source_addr}, sourceTon => $pdu->{source_addr_ton}, sourceNpi => $pdu->{source_addr_npi},
    destAddr => $pdu->{destination_addr}, destTon => $pdu->{dest_addr_ton}, destNpi => $pdu->{dest_addr_npi},
    esmClass => $pdu->{esm_class}, dataCoding => $pdu->{data_coding}, registeredDelivery => $pdu->{registered_delivery},
    shortMessage => unpack('H*', $pdu->{short_message} // ''),
  );
  $entry{messagePayload} = unpack('H*', $pdu->{message_payload}) if defined $pdu->{message_payload};
  if (defined $pdu->{sar_msg_ref_num}) {
    $entry{sar} = [unpack('n', $pdu->{sar_msg_ref_num}), unpack('C', $pdu->{sar_total_segments} // "\0"),
                   unpack('C', $pdu->{sar_segment_seqnum} // "\0")];
  }
  my $refuse = sub {
    my ($status, $what) = @_;
    $entry{status} = $status;
    record(\%entry);
    $c->{sock}->submit_sm_resp(seq => $pdu->{seq}, status => $status, message_id => '');
    $stats{$what}++;
  };
  if (!$c->{bound} || $c->{mode} eq 'rx') { return $refuse->(0x04, 'refused') }
  if ($drop_after > 0 && --$drop_after == 0) {
    $entry{dropped} = JSON::PP::true;
    record(\%entry);
    $stats{dropped}++;
    close_conn($c, 'drop_after');
    return;
  }
  if ($mute > 0) {
    $mute--;
    $entry{muted} = JSON::PP::true;
    record(\%entry);
    $stats{muted}++;
    return;
  }
  if ($throttle_count > 0) { $throttle_count--; return $refuse->($throttle_status, 'throttled') }
  if ($now < $throttle_until) { return $refuse->($throttle_status, 'throttled') }
  my $rule = match_rule($pdu->{destination_addr});
  if ($rule && $rule->{submitStatus}) { return $refuse->($rule->{submitStatus}, 'refused') }

  my $msg_id = $id_prefix . sprintf('%08x', ++$next_msg);
  $entry{status} = 0;
  $entry{messageId} = $msg_id;
  record(\%entry);
  $stats{accepted}++;
  my $wants_dlr = ($pdu->{registered_delivery} // 0) & 0x03;
  my $dlr = { kind => 'dlr', system_id => $c->{system_id}, conn => $c, args => receipt_args($pdu, $msg_id, $rule, $now) };
  if ($wants_dlr && $dlr_first > 0) {
    $dlr_first--;
    send_deliver($dlr);
    $c->{sock}->submit_sm_resp(seq => $pdu->{seq}, message_id => $msg_id);
    return;
  }
  $c->{sock}->submit_sm_resp(seq => $pdu->{seq}, message_id => $msg_id);
  return unless $wants_dlr;
  my $delay = ($rule && defined $rule->{delayMs}) ? $rule->{delayMs} : $config{dlrDelayMs};
  if ($delay <= 0) { send_deliver($dlr) }
  else { push @scheduled, { %$dlr, at => $now + $delay / 1000 } }
}

my %BIND_MODE = (0x01 => 'rx', 0x02 => 'tx', 0x09 => 'trx');

sub handle_pdu {
  my ($c, $pdu) = @_;
  my $cmd = $pdu->{cmd};
  if ($cmd == 0x00000004) { return handle_submit($c, $pdu) }
  if (exists $BIND_MODE{$cmd}) {
    if ($config{closeOnBind}) { $stats{bindRefused}++; return close_conn($c, 'closeOnBind') }
    my $resp = $cmd | 0x80000000;
    my $status = 0;
    if ($c->{bound}) { $status = 0x05 }
    elsif (!exists $passwords{$pdu->{system_id}}) { $status = 0x0f }
    elsif ($passwords{$pdu->{system_id}} ne $pdu->{password}) { $status = 0x0e }
    $c->{sock}->resp_backend($resp, pack('Z*', 'netsmpp'), undef, seq => $pdu->{seq}, status => $status);
    if ($status) { $stats{bindRefused}++; return close_conn($c, sprintf('bind refused 0x%02x', $status)) }
    $c->{bound} = 1;
    $c->{mode} = $BIND_MODE{$cmd};
    $c->{system_id} = $pdu->{system_id};
    $stats{binds}++;
    logmsg("conn $c->{id} bound $c->{mode} as $c->{system_id}");
    if ($c->{mode} ne 'tx') {
      my @waiting = @undelivered;
      @undelivered = ();
      send_deliver($_) for @waiting;
    }
    return;
  }
  if ($cmd == 0x00000015) { return $c->{sock}->enquire_link_resp(seq => $pdu->{seq}) }
  if ($cmd == 0x00000006) { $c->{sock}->unbind_resp(seq => $pdu->{seq}); return close_conn($c, 'unbind') }
  if ($cmd == 0x80000005) {
    $stats{deliverSmResps}++;
    my $d = delete $c->{pending}{$pdu->{seq}};
    # An error status (e.g. ESME_RX_T_APPN) asks for the deliver_sm again: queue it for the next receiver bind.
    if ($d && $pdu->{status} != 0) { $stats{deliverSmRefused}++; delete $d->{conn}; push @undelivered, $d }
    return;
  }
  return if $cmd & 0x80000000;   # other responses (enquire_link_resp, generic_nack)
  $c->{sock}->generic_nack(seq => $pdu->{seq}, status => 0x03);
}

sub read_conn {
  my ($c) = @_;
  my $n = sysread($c->{sock}, $c->{buf}, 65536, length($c->{buf}));
  if (!$n) { return close_conn($c, defined $n ? 'eof' : "read error $!") }
  while (length($c->{buf}) >= 16) {
    my ($len, $cmd, $status, $seq) = unpack('NNNN', $c->{buf});
    if ($len < 16 || $len > 65536) { return close_conn($c, "bad command_length $len") }
    last if length($c->{buf}) < $len;
    my $pdu = { cmd => $cmd, status => $status, seq => $seq, data => substr($c->{buf}, 16, $len - 16) };
    substr($c->{buf}, 0, $len) = '';
    if (my $tab = Net::SMPP::pdu_tab->{$cmd}) {
      my $mandatory = $tab->{decode}->($pdu, $c->{sock});
      Net::SMPP::decode_optional_params($pdu, $mandatory) if $mandatory < length($pdu->{data});
    }
    handle_pdu($c, $pdu);
    return unless $conns{$c->{fd}};   # closed while handling
  }
}

# --- control channel ------------------------------------------------------------
sub inject_mo {
  my ($cmd) = @_;
  my $text = $cmd->{text} // '';
  my $coding = $cmd->{coding} // 0;
  my $split = $cmd->{split} // 'none';
  my $count = $split eq 'none' ? 1 : ($cmd->{parts} // 2);
  my $per = int((length($text) + $count - 1) / $count) || 1;
  my @chunks = map { substr($text, $_ * $per, $per) } 0 .. $count - 1;
  my $ref = $cmd->{reference} // int(rand(200)) + 1;
  my @pdus;
  for my $i (0 .. $#chunks) {
    my $bytes = $coding == 8 ? encode('UTF-16BE', $chunks[$i]) : gsm_encode($chunks[$i]);
    my @extra;
    my $esm = 0;
    if ($split eq 'udh8') { $bytes = pack('CCCCCC', 5, 0, 3, $ref & 0xff, $count, $i + 1) . $bytes; $esm = 0x40 }
    elsif ($split eq 'udh16') { $bytes = pack('CCCnCC', 6, 8, 4, $ref, $count, $i + 1) . $bytes; $esm = 0x40 }
    elsif ($split eq 'sar') {
      @extra = (sar_msg_ref_num => pack('n', $ref), sar_total_segments => pack('C', $count), sar_segment_seqnum => pack('C', $i + 1));
    }
    push @pdus, { kind => 'mo', system_id => $cmd->{systemId}, args => [
      source_addr_ton => $cmd->{fromTon} // 1, source_addr_npi => 1, source_addr => $cmd->{from} // '447700900001',
      dest_addr_ton => $cmd->{toTon} // 1, dest_addr_npi => 1, destination_addr => $cmd->{to} // '15005550006',
      esm_class => $esm, data_coding => $coding, short_message => $bytes, @extra,
    ] };
  }
  @pdus = reverse @pdus if $cmd->{reverse};
  my %omit = map { ($_ => 1) } @{$cmd->{omit} // []};
  my $sent = 0;
  for my $i (0 .. $#pdus) {
    next if $omit{$i + 1};
    send_deliver($pdus[$i]);
    $sent++;
  }
  return { ok => JSON::PP::true, parts => scalar(@pdus), sent => $sent, reference => $ref };
}

sub control_command {
  my ($line) = @_;
  my $cmd = eval { $json->decode($line) };
  return { ok => JSON::PP::false, error => "bad json: $@" } unless ref $cmd eq 'HASH';
  my $name = $cmd->{cmd} // '';
  if ($name eq 'ping') { return { ok => JSON::PP::true } }
  if ($name eq 'stats') {
    my $bound = grep { $_->{bound} } values %conns;
    return { ok => JSON::PP::true, %stats, connections => scalar(keys %conns), bound => $bound + 0,
             dlrsPending => scalar(@scheduled) + scalar(@undelivered) };
  }
  if ($name eq 'config') {
    for my $k (qw(dlrDelayMs dlrTlv closeOnBind)) { $config{$k} = $cmd->{$k} if exists $cmd->{$k} }
    return { ok => JSON::PP::true };
  }
  if ($name eq 'rule') {
    @rules = grep { $_->{prefix} ne ($cmd->{prefix} // '') } @rules;
    push @rules, { %$cmd, prefix => $cmd->{prefix} // '' };
    return { ok => JSON::PP::true };
  }
  if ($name eq 'clear_rules') { @rules = (); return { ok => JSON::PP::true } }
  if ($name eq 'throttle') {
    $throttle_count = $cmd->{count} // 0;
    $throttle_until = $cmd->{ms} ? time + $cmd->{ms} / 1000 : 0;
    $throttle_status = $cmd->{status} // 0x58;
    return { ok => JSON::PP::true };
  }
  if ($name eq 'drop_after') { $drop_after = $cmd->{count} // 0; return { ok => JSON::PP::true } }
  if ($name eq 'mute') { $mute = $cmd->{count} // 0; return { ok => JSON::PP::true } }
  if ($name eq 'dlr_first') { $dlr_first = $cmd->{count} // 0; return { ok => JSON::PP::true } }
  if ($name eq 'drop') {
    my $n = 0;
    for my $c (values %conns) { close_conn($c, 'drop command'); $n++ }
    return { ok => JSON::PP::true, closed => $n };
  }
  if ($name eq 'mo') { return inject_mo($cmd) }
  return { ok => JSON::PP::false, error => "unknown command '$name'" };
}

sub read_control {
  my ($k) = @_;
  my $n = sysread($k->{sock}, $k->{buf}, 65536, length($k->{buf}));
  if (!$n) { $select->remove($k->{sock}); delete $controls{fileno($k->{sock})}; close($k->{sock}); return }
  while ($k->{buf} =~ s/^([^\n]*)\n//) {
    my $line = decode('UTF-8', $1);
    next if $line =~ /^\s*$/;
    my $answer = control_command($line);
    syswrite($k->{sock}, encode('UTF-8', $json->encode($answer)) . "\n");
  }
}

# --- main loop --------------------------------------------------------------------
my $parent = getppid();
while (1) {
  # Orphaned (the test runner died without stopping us): free the ports.
  exit 0 if getppid() != $parent;
  my $now = time;
  if (@scheduled) {
    my @due = grep { $_->{at} <= $now } @scheduled;
    if (@due) {
      @scheduled = grep { $_->{at} > $now } @scheduled;
      send_deliver($_) for sort { $a->{at} <=> $b->{at} } @due;
    }
  }
  my $timeout = 1;
  for my $s (@scheduled) { my $left = $s->{at} - $now; $timeout = $left if $left < $timeout }
  $timeout = 0 if $timeout < 0;
  for my $sock ($select->can_read($timeout)) {
    if ($sock == $listener) {
      my $s = $listener->accept() or next;
      my $fd = fileno($s);
      $conns{$fd} = { sock => $s, buf => '', bound => 0, mode => '', system_id => '', id => ++$next_conn, fd => $fd };
      $select->add($s);
    } elsif ($sock == $control) {
      my $s = $control->accept() or next;
      $controls{fileno($s)} = { sock => $s, buf => '' };
      $select->add($s);
    } elsif (my $c = $conns{fileno($sock)}) {
      read_conn($c);
    } elsif (my $k = $controls{fileno($sock)}) {
      read_control($k);
    }
  }
}
