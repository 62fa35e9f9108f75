"""Message catalogs, one module per area of the app (see ``i18n.t``)."""
