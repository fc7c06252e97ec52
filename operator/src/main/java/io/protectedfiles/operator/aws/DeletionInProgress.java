package io.protectedfiles.operator.aws;

/**
 * A resource's deletion has started but AWS needs time before the next step (a distribution being
 * disabled must be Deployed before it can be deleted). Not a failure: the store's cleanup is
 * simply looked at again a little later.
 */
public class DeletionInProgress extends RuntimeException {

  public DeletionInProgress(String message) {
    super(message);
  }
}
