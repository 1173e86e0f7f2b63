package org.dkim4j.jakarta;

import jakarta.mail.Session;
import java.util.Properties;

/** Sessions for tests that never connect anywhere. */
final class LoopbackSmtpSessions {
  private LoopbackSmtpSessions() {}

  /** A session with no server configured. */
  static Session offline() {
    return Session.getInstance(new Properties());
  }

  /** A session with {@code mail.mime.allowutf8} set. */
  static Session offlineUtf8() {
    Properties props = new Properties();
    props.setProperty("mail.mime.allowutf8", "true");
    return Session.getInstance(props);
  }
}
