"""The content layer: parsing the sources, building and reading the database.

Nothing in here imports Qt: the app, the search and the exports sit on top.
"""
