"""The moto server plus the behaviours of AWS that the protected file store operator depends on.

See ../README.md for how it starts, its control endpoint and the AWS behaviours it reproduces.
"""
