"""Traditional-Chinese (zh-Hant) texts, one module per area of ``i18n/messages/``."""
