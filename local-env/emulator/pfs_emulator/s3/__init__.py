"""S3 behaviours moto lacks: BlockPublicPolicy, and OAI principals in bucket policies."""
