"""The review loop in Label Studio: serve, labeling config, push tasks, pull annotations.

Nothing here opens a connection or imports the SDK at import time; ``client.connect``
does, when a command needs a server.
"""
