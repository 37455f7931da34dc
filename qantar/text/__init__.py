"""Reading the articles' Indonesian text: numbers, number-like tokens, name candidates, quotes.

Pure functions of a text (and, for names, of the shipped common-word list): they know nothing
about the tables, so the validator's rules, the curation tools and the site share them.
"""
