package org.dkim4j.dmarc;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.dkim4j.message.Ascii;
import org.dkim4j.tag.TagList;
import org.dkim4j.tag.TagSyntaxException;

/** Reads the tags of a DMARC record (RFC 7489 sections 6.3 and 6.4, RFC 9989). One per record. */
final class RecordParser {

  private static final long MAX_REPORT_INTERVAL = 0xFFFF_FFFFL; // a 32-bit unsigned integer

  final String text;
  TagList tags;
  DmarcPolicy policy;
  DmarcPolicy subdomainPolicy;
  DmarcPolicy nonExistentPolicy;
  PsdFlag psd = PsdFlag.UNSPECIFIED;
  boolean testing;
  int percent = 100;
  AlignmentMode dkimAlignment = AlignmentMode.RELAXED;
  AlignmentMode spfAlignment = AlignmentMode.RELAXED;
  List<ReportUri> aggregateReportUris = List.of();
  List<ReportUri> failureReportUris = List.of();
  Set<FailureReportOption> failureReportOptions = EnumSet.of(FailureReportOption.ALL_FAILED);
  List<String> reportFormats = List.of("afrf");
  long reportInterval = 86400;
  String policyFallback;

  private final boolean policyFallbackAllowed;
  private DmarcRecordException policyError;

  private RecordParser(String text, boolean policyFallbackAllowed) {
    this.text = text;
    this.policyFallbackAllowed = policyFallbackAllowed;
  }

  static DmarcRecord parse(String text, boolean policyFallbackAllowed) {
    RecordParser parser = new RecordParser(text, policyFallbackAllowed);
    parser.run();
    return new DmarcRecord(parser);
  }

  static boolean startsWithVersion(String text) {
    int i = skipWsp(text, 0);
    if (i >= text.length() || Ascii.toLower(text.charAt(i)) != 'v') {
      return false;
    }
    i = skipWsp(text, i + 1);
    if (i >= text.length() || text.charAt(i) != '=') {
      return false;
    }
    i = skipWsp(text, i + 1);
    if (!text.startsWith("DMARC1", i)) {
      return false;
    }
    i = skipWsp(text, i + 6);
    return i == text.length() || text.charAt(i) == ';';
  }

  private void run() {
    if (text.isBlank()) {
      throw new DmarcRecordException("v", "the record is empty; it must start with v=DMARC1");
    }
    // The test policy discovery applies (RFC 7489 section 6.6.3), so that no record is valid
    // here but ignored in discovery: the tag-list reading below also skips line breaks and
    // empty tag-specs in front of v=.
    if (!startsWithVersion(text)) {
      throw new DmarcRecordException("v", "the record must start with v=DMARC1");
    }
    tags = tagList();
    Map<String, String> byName = new HashMap<>();
    String first = null;
    for (Map.Entry<String, String> tag : tags.asMap().entrySet()) {
      String name = Ascii.toLowerCase(tag.getKey());
      if (byName.put(name, tag.getValue()) != null) {
        throw new DmarcRecordException(name, "the tag appears twice");
      }
      if (first == null) {
        first = name;
      }
    }
    if (!"v".equals(first)) {
      throw new DmarcRecordException("v", "the record must start with v=DMARC1");
    }
    if (!"DMARC1".equals(byName.get("v"))) {
      throw new DmarcRecordException(
          "v", "unknown version \"" + byName.get("v") + "\"; expected DMARC1");
    }
    byName.remove("v");
    readPolicies(byName);
    psd =
        keyword(
            byName,
            "psd",
            PsdFlag.UNSPECIFIED,
            Map.of("y", PsdFlag.YES, "n", PsdFlag.NO, "u", PsdFlag.UNSPECIFIED));
    testing = keyword(byName, "t", Boolean.FALSE, Map.of("y", Boolean.TRUE, "n", Boolean.FALSE));
    dkimAlignment = alignment(byName, "adkim");
    spfAlignment = alignment(byName, "aspf");
    percent = percent(byName.get("pct"));
    reportInterval = reportInterval(byName.get("ri"));
    aggregateReportUris = uris("rua", byName.get("rua"));
    failureReportUris = uris("ruf", byName.get("ruf"));
    failureReportOptions = failureOptions(byName.get("fo"));
    reportFormats = reportFormats(byName.get("rf"));
    if (policyError != null) {
      if (aggregateReportUris.isEmpty()) {
        throw policyError;
      }
      // RFC 7489 section 6.6.3 step 6: act as if p=none was published.
      policy = DmarcPolicy.NONE;
      subdomainPolicy = null;
      nonExistentPolicy = null;
      policyFallback =
          policyError.getMessage()
              + "; read as p=none because rua= has a valid URI"
              + " (RFC 7489 section 6.6.3)";
    }
  }

  private TagList tagList() {
    // Empty tag-specs (";;") are tolerated: several deployed records have them and they carry
    // nothing. Everything else follows the tag-list grammar of RFC 6376 section 3.2.
    StringBuilder cleaned = new StringBuilder(text.length());
    for (String spec : text.split(";", -1)) {
      if (!spec.isBlank()) {
        cleaned.append(spec).append(';');
      }
    }
    try {
      return TagList.parse(cleaned);
    } catch (TagSyntaxException e) {
      throw new DmarcRecordException("", "not a tag list: " + e.getMessage());
    }
  }

  private void readPolicies(Map<String, String> byName) {
    String p = byName.get("p");
    if (p == null) {
      policyProblem(new DmarcRecordException("p", "the required tag is missing"));
    } else {
      policy = DmarcPolicy.fromTagValue(p);
      if (policy == null) {
        policyProblem(unknownPolicy("p", p));
      }
    }
    subdomainPolicy = optionalPolicy(byName, "sp");
    nonExistentPolicy = optionalPolicy(byName, "np");
  }

  private DmarcPolicy optionalPolicy(Map<String, String> byName, String tag) {
    String value = byName.get(tag);
    if (value == null) {
      return null;
    }
    DmarcPolicy parsed = DmarcPolicy.fromTagValue(value);
    if (parsed == null) {
      policyProblem(unknownPolicy(tag, value));
    }
    return parsed;
  }

  private static DmarcRecordException unknownPolicy(String tag, String value) {
    return new DmarcRecordException(
        tag, "unknown policy \"" + value + "\"; expected none, quarantine or reject");
  }

  private void policyProblem(DmarcRecordException e) {
    if (!policyFallbackAllowed) {
      throw e;
    }
    if (policyError == null) {
      policyError = e;
    }
  }

  private static <T> T keyword(
      Map<String, String> byName, String tag, T absent, Map<String, T> values) {
    String value = byName.get(tag);
    if (value == null) {
      return absent;
    }
    T parsed = values.get(Ascii.toLowerCase(value));
    if (parsed == null) {
      List<String> expected = new ArrayList<>(values.keySet());
      expected.sort(null);
      throw new DmarcRecordException(
          tag, "unknown value \"" + value + "\"; expected " + String.join(" or ", expected));
    }
    return parsed;
  }

  private static AlignmentMode alignment(Map<String, String> byName, String tag) {
    return keyword(
        byName,
        tag,
        AlignmentMode.RELAXED,
        Map.of("r", AlignmentMode.RELAXED, "s", AlignmentMode.STRICT));
  }

  private static int percent(String value) {
    if (value == null) {
      return 100;
    }
    if (!isDigits(value) || value.length() > 3 || Integer.parseInt(value) > 100) {
      throw new DmarcRecordException("pct", "\"" + value + "\" is not a number from 0 to 100");
    }
    return Integer.parseInt(value);
  }

  private static long reportInterval(String value) {
    if (value == null) {
      return 86400;
    }
    if (!isDigits(value) || value.length() > 10 || Long.parseLong(value) > MAX_REPORT_INTERVAL) {
      throw new DmarcRecordException(
          "ri", "\"" + value + "\" is not a number of seconds (a 32-bit unsigned integer)");
    }
    return Long.parseLong(value);
  }

  private static Set<FailureReportOption> failureOptions(String value) {
    if (value == null) {
      return EnumSet.of(FailureReportOption.ALL_FAILED);
    }
    Set<FailureReportOption> options = EnumSet.noneOf(FailureReportOption.class);
    for (String part : value.split(":", -1)) {
      FailureReportOption option = FailureReportOption.fromTagValue(TagList.trimWhitespace(part));
      if (option == null) {
        throw new DmarcRecordException(
            "fo", "unknown option \"" + TagList.trimWhitespace(part) + "\"; expected 0, 1, d or s");
      }
      options.add(option);
    }
    return options;
  }

  private static List<String> reportFormats(String value) {
    if (value == null) {
      return List.of("afrf");
    }
    List<String> formats = new ArrayList<>();
    for (String part : value.split(":", -1)) {
      String format = Ascii.toLowerCase(TagList.trimWhitespace(part));
      // "afrf" is the only format in the IANA registry RFC 7489 section 11.5 created.
      if (!format.equals("afrf")) {
        throw new DmarcRecordException(
            "rf", "unknown report format \"" + TagList.trimWhitespace(part) + "\"; expected afrf");
      }
      formats.add(format);
    }
    return formats;
  }

  private static List<ReportUri> uris(String tag, String value) {
    if (value == null) {
      return List.of();
    }
    List<ReportUri> uris = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      // RFC 7489 section 6.4 allows whitespace around the commas; whitespace inside an element
      // (e.g. "!10 k") is dropped too, since a URI never contains any (RFC 3986 appendix C).
      uris.add(uri(tag, part.replaceAll("[ \t\r\n]", "")));
    }
    return uris;
  }

  private static ReportUri uri(String tag, String element) {
    if (element.isEmpty()) {
      throw new DmarcRecordException(tag, "empty URI in the list");
    }
    // Commas and exclamation points inside URIs must be percent-encoded (RFC 7489 section 6.4),
    // so the first '!' starts the size limit.
    int bang = element.indexOf('!');
    String uri = bang < 0 ? element : element.substring(0, bang);
    if (!hasScheme(uri)) {
      throw new DmarcRecordException(
          tag, "\"" + uri + "\" is not a URI (no scheme such as mailto:)");
    }
    OptionalLong limit = OptionalLong.empty();
    if (bang >= 0) {
      limit = OptionalLong.of(sizeLimit(tag, element.substring(bang + 1)));
    }
    return new ReportUri(uri, limit);
  }

  private static long sizeLimit(String tag, String text) {
    int shift = 0;
    String digits = text;
    if (!text.isEmpty()) {
      switch (Ascii.toLower(text.charAt(text.length() - 1))) {
        case 'k' -> shift = 10;
        case 'm' -> shift = 20;
        case 'g' -> shift = 30;
        case 't' -> shift = 40;
        default -> shift = 0;
      }
      if (shift > 0) {
        digits = text.substring(0, text.length() - 1);
      }
    }
    if (!isDigits(digits) || digits.length() > 18) {
      throw new DmarcRecordException(
          tag, "size limit \"!" + text + "\" is not a number with an optional k, m, g or t");
    }
    long value = Long.parseLong(digits);
    if (value > (Long.MAX_VALUE >> shift)) {
      throw new DmarcRecordException(tag, "size limit \"!" + text + "\" is too large");
    }
    return value << shift;
  }

  private static boolean hasScheme(String uri) {
    int colon = uri.indexOf(':');
    if (colon < 1 || colon == uri.length() - 1 || !isAlpha(uri.charAt(0))) {
      return false;
    }
    for (int i = 1; i < colon; i++) {
      char c = uri.charAt(i);
      if (!isAlpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static int skipWsp(String s, int i) {
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }
}
