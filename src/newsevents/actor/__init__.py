"""Actor recognition and resolution, split by concern; `newsevents.actors` is the public face.

- `scan`: where the knowledge base's names, sector words and people's names occur in a Doc.
- `context`: what the article is about (its countries, the dyad in focus, its home country,
  dateline prefixes).
- `phrase`: who one phrase refers to (`Resolver`), from what the phrase itself says;
  `people` (names, titles, office holders, earlier mentions) and `reference` (pronouns,
  counterparts, groups, context countries) are its rule sets; `words` holds the function words
  and dependency labels they use.
"""
