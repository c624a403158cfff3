"""Actor recognition and resolution, split by concern; `newsevents.actors` is the public face.

- `scan`: where the knowledge base's names, sector words and people's names occur in a Doc.
- `context`: what the article is about (its countries, the dyad in focus, its home country).
- `phrase`: who one phrase refers to, from what it says and from the context.
"""
