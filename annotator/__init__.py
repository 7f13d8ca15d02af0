"""annotator: claim and source-attribution pre-labels for news and opinion articles.

Importing this package loads no model and opens no connection.
"""

__version__ = "0.1.0"
