package org.dkim4j.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.dkim4j.canon.Canonicalization;
import org.dkim4j.message.HeaderField;
import org.dkim4j.testing.TestKeys;
import org.junit.jupiter.api.Test;

/**
 * With the default names, the signer finds the fields to hash in the pass that finds the names;
 * they must be the fields {@link HeaderHash#choose} picks for those names (RFC 6376 section 5.4.2):
 * bottom-up per name, nothing for a name with no field left.
 */
class SigningProfileSelectionTest {

  private static final String[] FIELD_NAMES = {
    "From",
    "FROM",
    "To",
    "to",
    "Cc",
    "Subject",
    "SUBJECT",
    "Date",
    "List-Id",
    "Message-ID",
    "Content-Type",
    "Received",
    "X-Other",
    "Reply-To",
    "Resent-To"
  };

  private static final String[] OVERSIGNED = {
    "From", "to", "Subject", "List-Id", "CC", "Date", "X-Other", "FROM", "TO"
  };

  @Test
  void defaultSelectionPicksWhatChoosingByTheSameNamesPicks() {
    Random random = new Random(6376);
    int picked = 0;
    for (int round = 0; round < 5_000; round++) {
      List<HeaderField> fields = new ArrayList<>();
      int fieldCount = random.nextInt(14);
      for (int i = 0; i < fieldCount; i++) {
        String name = FIELD_NAMES[random.nextInt(FIELD_NAMES.length)];
        fields.add(HeaderField.of(name + ": " + i + "\r\n"));
      }
      List<String> oversigned = new ArrayList<>();
      int oversignedCount = random.nextInt(4);
      for (int i = 0; i < oversignedCount; i++) {
        oversigned.add(OVERSIGNED[random.nextInt(OVERSIGNED.length)]);
      }
      SigningProfile profile = profile(oversigned);

      SigningProfile.Selection selection = profile.select(fields);

      assertEquals(referenceNames(fields, oversigned), selection.names(), fields::toString);
      List<HeaderField> expected = present(HeaderHash.choose(fields, selection.names()));
      List<HeaderField> actual = present(selection.fields());
      assertEquals(expected.size(), actual.size(), () -> fields + " " + oversigned);
      for (int i = 0; i < expected.size(); i++) {
        assertTrue(expected.get(i) == actual.get(i), () -> fields + " " + oversigned);
      }
      picked += actual.size();
    }
    assertTrue(picked > 5_000 * 3, "few fields picked: " + picked);
  }

  /**
   * The names for h= counted name by name: each default name as often as the message has it, in the
   * order of {@link SigningProfile#DEFAULT_HEADERS}; each oversigned name until it is listed once
   * more than the message has it; then From if h= lacks it.
   */
  private static List<String> referenceNames(List<HeaderField> fields, List<String> oversigned) {
    List<String> names = new ArrayList<>();
    for (String name : SigningProfile.DEFAULT_HEADERS) {
      for (HeaderField field : fields) {
        if (field.hasName(name)) {
          names.add(name);
        }
      }
    }
    for (String name : oversigned) {
      long present = fields.stream().filter(f -> f.hasName(name)).count();
      long listed = names.stream().filter(n -> n.equalsIgnoreCase(name)).count();
      for (long i = listed; i <= present; i++) {
        names.add(name.toLowerCase(Locale.ROOT));
      }
    }
    if (names.stream().noneMatch(n -> n.equals("from"))) {
      names.add("from");
    }
    return names;
  }

  private static SigningProfile profile(List<String> oversigned) {
    return new SigningProfile(
        "example.com",
        "s",
        TestKeys.ED25519,
        Canonicalization.RELAXED,
        Canonicalization.RELAXED,
        null,
        List.copyOf(oversigned),
        null,
        true,
        null,
        false,
        false,
        Fixture.NOW);
  }

  /** The fields up to the first null, as the header hash reads the array. */
  private static List<HeaderField> present(HeaderField[] fields) {
    int end = 0;
    while (end < fields.length && fields[end] != null) {
      end++;
    }
    return Arrays.asList(Arrays.copyOf(fields, end));
  }
}
