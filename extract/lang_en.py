from .lang import Lang

LANG = Lang(code="en", tokenizer="english", sentence_end=r"[.!?]\s+|\n+")
