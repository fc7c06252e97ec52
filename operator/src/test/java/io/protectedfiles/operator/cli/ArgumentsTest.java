package io.protectedfiles.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

  static final Set<String> VALUED = Set.of("store", "path");
  static final Set<String> FLAGS = Set.of("help");

  @Test
  void readsSpacedAndEqualsFormsRepeatsAndFlags() throws Exception {
    var arguments = Arguments.parse(new String[] {"--store", "a", "--path=/x/", "--path", "/y/", "--help"}, VALUED, FLAGS);

    assertThat(arguments.required("store")).isEqualTo("a");
    assertThat(arguments.all("path")).containsExactly("/x/", "/y/");
    assertThat(arguments.flag("help")).isTrue();
    assertThat(arguments.optional("missing")).isEmpty();
  }

  @Test
  void valueMayStartWithDashesWhenSpaced() throws Exception {
    assertThat(Arguments.parse(new String[] {"--store", "--odd"}, VALUED, FLAGS).required("store")).isEqualTo("--odd");
  }

  @Test
  void refusesWhatItCannotRead() {
    assertThatThrownBy(() -> Arguments.parse(new String[] {"--stor", "a"}, VALUED, FLAGS)).hasMessage("unknown option --stor");
    assertThatThrownBy(() -> Arguments.parse(new String[] {"a"}, VALUED, FLAGS)).hasMessageContaining("unexpected argument \"a\"");
    assertThatThrownBy(() -> Arguments.parse(new String[] {"--store"}, VALUED, FLAGS)).hasMessage("--store needs a value");
    assertThatThrownBy(() -> Arguments.parse(new String[] {"--help=yes"}, VALUED, FLAGS)).hasMessage("--help takes no value");
    assertThatThrownBy(() -> Arguments.parse(new String[] {"--store", "a", "--store", "b"}, VALUED, FLAGS).optional("store"))
        .hasMessageContaining("given 2 times");
    assertThatThrownBy(() -> Arguments.parse(new String[0], VALUED, FLAGS).required("store")).hasMessage("--store is required");
  }
}
