#!/usr/bin/perl
# Mail::DMARC (Debian's libmail-dmarc-perl) as a second opinion on DMARC verdicts, for
# MailDmarcAgreementTest. It asks only the DNS server at 127.0.0.1:PORT.
#
#   mail-dmarc-verdicts.pl PORT CONFIG < cases.tsv
#
# CONFIG is a mail-dmarc.ini that names the Public Suffix List to use (the test's, the one dkim4j
# is given too). Each input line is one case, tab-separated:
#
#   id  from-domain  spf-domain  spf-result  dkim
#
# where dkim is "-" or comma-separated domain:selector:result triples (DKIM as verified by
# dkim4j). Each output line is "id  result  disposition  reasons", tab-separated.
use strict;
use warnings;
use Mail::DMARC::PurePerl;
use Net::DNS::Resolver;

my ( $port, $config ) = @ARGV;
$port && $config or die "usage: $0 PORT CONFIG < cases.tsv\n";
$ENV{MAIL_DMARC_CONFIG_FILE} = $config;
$| = 1;

while ( my $line = <STDIN> ) {
    chomp $line;
    next if $line eq '';
    my ( $id, $from, $spf_domain, $spf_result, $dkim ) = split /\t/, $line, -1;
    my $resolver = Net::DNS::Resolver->new(
        nameservers => ['127.0.0.1'],
        port        => $port,
        recurse     => 1,
        dnsrch      => 0,
        defnames    => 0,
        retry       => 2,
        udp_timeout => 2,
        tcp_timeout => 2,
    );
    my $dmarc = Mail::DMARC::PurePerl->new;
    $dmarc->set_resolver($resolver);
    $dmarc->header_from($from);
    $dmarc->spf( { domain => $spf_domain, scope => 'mfrom', result => $spf_result } );
    my @signatures;
    if ( $dkim ne '-' ) {
        foreach my $triple ( split /,/, $dkim ) {
            my ( $domain, $selector, $result ) = split /:/, $triple;
            push @signatures, { domain => $domain, selector => $selector, result => $result };
        }
    }
    $dmarc->dkim( \@signatures );
    my $verdict = eval { $dmarc->validate };
    if ( !$verdict ) {
        my $error = $@ || 'no result';
        $error =~ s/\s+/ /g;
        print join( "\t", $id, 'error', 'error', $error ), "\n";
        next;
    }
    my $reasons = join '; ',
        map { $_->type . ( $_->comment ? ": " . $_->comment : '' ) } @{ $verdict->reason };
    $reasons =~ s/\s+/ /g;
    print join( "\t", $id, $verdict->result, $verdict->disposition || 'none', $reasons ), "\n";
}
