package io.protectedfiles.operator.cli;

/** The command line cannot be carried out as written; the message says what to change. */
final class UsageError extends Exception {

  UsageError(String message) {
    super(message);
  }
}
