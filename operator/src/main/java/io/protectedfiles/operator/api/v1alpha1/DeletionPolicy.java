package io.protectedfiles.operator.api.v1alpha1;

/** What deleting a store does to its bucket. */
public enum DeletionPolicy {
  /** The bucket and its files stay. */
  Retain,
  /** The bucket is deleted, but never while it holds objects. */
  Delete
}
