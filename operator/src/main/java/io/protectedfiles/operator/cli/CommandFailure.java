package io.protectedfiles.operator.cli;

/**
 * The command line was fine but the cluster says no (no such store, no key to sign with); the
 * message says what to do about it.
 */
final class CommandFailure extends Exception {

  CommandFailure(String message) {
    super(message);
  }
}
