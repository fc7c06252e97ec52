"""CloudFront behaviours moto lacks: origin access identities, faithful distributions, ETags, deployment."""
