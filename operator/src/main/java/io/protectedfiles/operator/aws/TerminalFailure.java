package io.protectedfiles.operator.aws;

/**
 * A request AWS will never accept as it stands (a bucket name owned by someone else, a resource
 * tagged for another store). Retrying cannot help: the store reports it as a condition with a
 * reason and waits for its spec to change or for the next resync, instead of looping.
 */
public class TerminalFailure extends RuntimeException {

  private final String reason;

  public TerminalFailure(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
