package org.dkim4j.interop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Mail::DKIM through its library in one Perl process per batch ({@code
 * src/test/peers/maildkim.pl}), as dkimproxy-sign and dkimproxy-verify use it, with Net::DNS pinned
 * to the suite's server. Debian 12's Mail::DKIM (1.20230212) has no Ed25519, so it signs RSA only.
 */
final class MailDkimDriver implements Driver {

  private final Context context;

  MailDkimDriver(Context context) {
    this.context = context;
  }

  @Override
  public Peer peer() {
    return Peer.MAIL_DKIM;
  }

  @Override
  public Map<SignJob, String> sign(List<SignJob> jobs) throws IOException {
    return ScriptedPeer.sign(
        context,
        jobs,
        List.of("perl", context.peerScripts().resolve("maildkim.pl").toString()),
        v -> context.keys().pem(v.key()));
  }

  @Override
  public Map<Path, Verdict> verify(List<Path> files) {
    int port = context.dnsPort(Peer.MAIL_DKIM);
    List<String> command =
        List.of(
            "perl",
            context.peerScripts().resolve("maildkim.pl").toString(),
            "verify",
            Integer.toString(port));
    // The script hands Mail::DKIM a resolver of its own; these cover any other Net::DNS use.
    return ScriptedPeer.verify(
        command, Map.of("RES_NAMESERVERS", "127.0.0.1", "RES_OPTIONS", "port:" + port), files);
  }
}
