package org.dkim4j.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.dkim4j.dkim.DkimResult;

/** The JSON form of one signature's result, shared by {@code verify} and {@code dmarc}. */
final class SignatureJson {
  private SignatureJson() {}

  static void write(JsonGenerator g, DkimResult r) throws IOException {
    g.writeStartObject();
    g.writeStringField("result", r.status().resultName());
    g.writeStringField("reason", r.reason());
    g.writeStringField("domain", r.domain());
    g.writeStringField("selector", r.selector());
    g.writeStringField("identity", r.identity());
    g.writeStringField("algorithm", r.algorithm());
    g.writeStringField("b", r.signaturePrefix());
    g.writeNumberField("keyBits", r.keyBits());
    g.writeBooleanField("testing", r.testing());
    g.writeEndObject();
  }
}
