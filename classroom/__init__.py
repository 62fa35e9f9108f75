"""Class sessions: a teacher's class, students who join it, the view they follow, answers.

No Streamlit here. :mod:`classroom.tables` declares the schema (SQLAlchemy Core),
:mod:`classroom.repository` holds every query, :mod:`classroom.database` makes the engine
(SQLite file by default, PostgreSQL when ``DATABASE_URL`` is set) and brings its schema to
the newest Alembic revision, :mod:`classroom.codes` makes and checks join codes, tokens
and nicknames, :mod:`classroom.questions` is what a question asks and how it is scored.
"""
