package io.protectedfiles.operator.cli;

import java.io.PrintStream;
import java.util.function.IntSupplier;

/**
 * Runs a command with log output moved to standard error, so that standard output carries only
 * what the command prints (a token, a URL), ready for {@code $(...)} in a shell. The jar's logging
 * writes to System.out, which it looks up on every write, so swapping System.out is enough.
 */
final class LogsOnStandardError {

  private LogsOnStandardError() {}

  /** @param err where logs go meanwhile; the caller keeps its own reference to the real stdout */
  static synchronized int run(PrintStream err, IntSupplier command) {
    PrintStream stdout = System.out;
    System.setOut(err);
    try {
      return command.getAsInt();
    } finally {
      System.setOut(stdout);
    }
  }
}
