#!/usr/bin/perl
# Verifies every DKIM signature of each message with Mail::DKIM, keys from a file, no DNS.
#
#     maildkim-verify.pl KEYS MESSAGE...
#
# KEYS has one key record per line: "NAME RECORD". For each signature of each message, prints:
# MESSAGE <TAB> INDEX <TAB> pass|fail <TAB> detail
use strict;
use warnings;
use Mail::DKIM::Verifier;
use Net::DNS;

my ($keys, @files) = @ARGV;
my %records;
open(my $k, '<', $keys) or die "$keys: $!";
while (my $line = <$k>) {
    chomp $line;
    my ($name, $record) = split(/ /, $line, 2);
    $records{lc $name} = $record;
}
close $k;

{
    # Mail::DKIM looks keys up only through this function; answer from the file instead of DNS.
    no warnings 'redefine';
    *Mail::DKIM::DNS::query = sub {
        my ($domain, $type) = @_;
        my $record = $records{lc $domain};
        if (!defined $record || uc($type) ne 'TXT') {
            $@ = 'NXDOMAIN';
            return;
        }
        my @strings = unpack('(a255)*', $record);
        $@ = 'NOERROR';
        return (Net::DNS::RR->new(name => $domain, type => 'TXT', txtdata => [@strings]));
    };
}

for my $file (@files) {
    open(my $in, '<:raw', $file) or die "$file: $!";
    my $dkim = Mail::DKIM::Verifier->new();
    while (my $line = <$in>) {
        $line =~ s/\r?\n\z/\r\n/;
        $dkim->PRINT($line);
    }
    close $in;
    $dkim->CLOSE;
    my @signatures = $dkim->signatures;
    print "$file\t0\tfail\tno DKIM-Signature field\n" unless @signatures;
    my $index = 0;
    for my $signature (@signatures) {
        my $result = $signature->result;
        my $detail = $signature->result_detail // '';
        $detail =~ s/[\t\r\n]+/ /g;
        print "$file\t$index\t", ($result eq 'pass' ? 'pass' : 'fail'), "\t$detail\n";
        $index++;
    }
}
