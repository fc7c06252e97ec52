"""Lambda behaviours moto lacks: Lambda@Edge replicas that keep a function version from being deleted."""
