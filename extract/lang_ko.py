from .lang import Lang

LANG = Lang(code="ko", tokenizer="korean", sentence_end=r"[.!?]\s+|\n+")
