"""Time expressions and event dates (the `dates` stage), as a package.

`newsevents.dates` is the public face; this package holds the parts:
lexicon (the data files), grammar (patterns and meanings), find (expressions in a parsed article),
resolve (dates from publication date and tense), tense (the tense of an event word) and attach
(which expression dates which event word).
"""
