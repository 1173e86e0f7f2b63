#!/usr/bin/perl
# Mail::DKIM (libmail-dkim-perl) as a signer and a verifier of the interoperability suite.
#
#     maildkim.pl sign JOBS
#         JOBS: one job a line, INPUT<TAB>OUTPUT<TAB>DOMAIN<TAB>SELECTOR<TAB>KEY<TAB>ALGORITHM<TAB>C
#         Writes OUTPUT (the signature, then the message unchanged, in the message's line endings),
#         prints OUTPUT<TAB>ok or OUTPUT<TAB>error<TAB>why. From is signed once more than it occurs,
#         so that a From added later breaks the signature.
#
#     maildkim.pl verify PORT MESSAGE...
#         Verifies the one signature of each message, asking only the DNS server 127.0.0.1:PORT,
#         and prints MESSAGE<TAB>pass|fail<TAB>detail.
use strict;
use warnings;
use Mail::DKIM::Signer;
use Mail::DKIM::Verifier;
use Mail::DKIM::DNS;
use Net::DNS;

sub read_file {
    my ($path) = @_;
    open(my $in, '<:raw', $path) or die "$path: $!\n";
    local $/;
    my $bytes = <$in>;
    close $in;
    return $bytes;
}

# Mail::DKIM wants CRLF line endings, whatever the file has.
sub feed {
    my ($dkim, $message) = @_;
    (my $crlf = $message) =~ s/\r?\n/\r\n/g;
    $dkim->PRINT($crlf);
    $dkim->CLOSE;
}

sub sign {
    my ($jobs) = @_;
    open(my $list, '<', $jobs) or die "$jobs: $!\n";
    while (my $line = <$list>) {
        chomp $line;
        my ($source, $target, $domain, $selector, $key, $algorithm, $c) = split /\t/, $line;
        my $ok = eval {
            my $message = read_file($source);
            my $signer = Mail::DKIM::Signer->new(
                Algorithm => $algorithm, Method => $c, Domain => $domain,
                Selector => $selector, KeyFile => $key, Timestamp => time());
            $signer->extended_headers({ 'From' => '+' });
            feed($signer, $message);
            my $field = $signer->signature->as_string;
            my $eol = $message =~ /\A[^\n]*\r\n/ ? "\r\n" : "\n";
            $field =~ s/\r?\n/$eol/g;
            open(my $out, '>:raw', $target) or die "$target: $!\n";
            print $out $field, $eol, $message;
            close $out or die "$target: $!\n";
            1;
        };
        if ($ok) {
            print "$target\tok\n";
        } else {
            (my $why = $@) =~ s/[\t\r\n]+/ /g;
            print "$target\terror\t$why\n";
        }
    }
    close $list;
}

sub verify {
    my ($port, @files) = @_;
    # The suite's server only, whatever resolv.conf says; EDNS as Mail::DKIM::DNS::enable_EDNS0
    # sets it, TCP when an answer is truncated.
    my $resolver = Net::DNS::Resolver->new(
        nameservers => ['127.0.0.1'], port => $port, udp_timeout => 5, tcp_timeout => 5,
        retry => 2);
    $resolver->udppacketsize(1280 - 40);
    Mail::DKIM::DNS::resolver($resolver);
    for my $file (@files) {
        my $verifier = Mail::DKIM::Verifier->new();
        feed($verifier, read_file($file));
        my @signatures = $verifier->signatures;
        my ($result, $detail) = ('fail', 'no DKIM-Signature field');
        if (@signatures) {
            $result = $signatures[0]->result;
            $detail = $signatures[0]->result_detail // $result;
        }
        $detail =~ s/[\t\r\n]+/ /g;
        print "$file\t", ($result eq 'pass' ? 'pass' : 'fail'), "\t$detail\n";
    }
}

my $command = shift @ARGV // '';
if ($command eq 'sign') {
    sign(@ARGV);
} elsif ($command eq 'verify') {
    verify(@ARGV);
} else {
    die "usage: maildkim.pl sign JOBS | verify PORT MESSAGE...\n";
}
