"""Arabic-aware full-text search over the content database (Qt-free).

normalize  folding (diacritics, alef/ya/ta marbuta, tatweel, digits), clitics, stems
index      the build stage writing the FTS5 tables
query      the query language a user can guess, parsed into FTS5 MATCH expressions
snippets   snippets of the original text with the matched words highlighted
engine     search(db, query, ...) -> ranked results
"""
