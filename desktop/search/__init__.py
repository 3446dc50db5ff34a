"""Arabic-aware full-text search over the content database (Qt-free).

normalize  folding (diacritics, alef/ya/ta marbuta, tatweel, digits), clitics, stems
index      the build stage writing the FTS5 tables
query      the query language a user can guess, parsed into FTS5 MATCH expressions
snippets   snippets of the original text with the matched words highlighted
connection opening a database for searching (SearchError)
locator_hit a query naming one paragraph; the citations search shows
plan       what a query means: English read as Arabic, spelling, lexicon variants, themes
rows       the SQL over the index: one page, counts, filters, copies of a text
engine     search(db, query, ...) -> ranked results
results    Result, Results, and how they are put in words
"""
