"""The class sessions' schema, SQLAlchemy Core. Alembic's migrations create exactly this
(``classroom/migrations/versions``); a test compares the two.

Times are UNIX seconds (float): one representation on SQLite and PostgreSQL, compared
with plain arithmetic. Deleting a class deletes its students, questions and answers
(ON DELETE CASCADE, which SQLite enforces because every connection turns foreign keys on).
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

classes = sa.Table(
    "classes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("code", sa.String(16), nullable=False, unique=True),
    sa.Column("teacher_hash", sa.String(64), nullable=False),
    sa.Column("created_at", sa.Float, nullable=False),
    sa.Column("expires_at", sa.Float, nullable=False),
    # The view the teacher sent: a page file and its link's query, as JSON text.
    sa.Column("view_page", sa.String(200), nullable=True),
    sa.Column("view_query", sa.Text, nullable=False, server_default="{}"),
    sa.Column("view_version", sa.Integer, nullable=False, server_default="0"),
)

students = sa.Table(
    "students",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "class_id", sa.Integer, sa.ForeignKey("classes.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("nickname", sa.String(64), nullable=False),
    sa.Column("token_hash", sa.String(64), nullable=False),
    sa.Column("joined_at", sa.Float, nullable=False),
    sa.UniqueConstraint("class_id", "nickname", name="uq_students_class_nickname"),
)

questions = sa.Table(
    "questions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "class_id", sa.Integer, sa.ForeignKey("classes.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("kind", sa.String(16), nullable=False),  # "predict" | "choice"
    sa.Column("payload", sa.Text, nullable=False),  # JSON: see classroom.questions
    sa.Column("revealed", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("asked_at", sa.Float, nullable=False),
    sa.Index("ix_questions_class", "class_id"),
)

answers = sa.Table(
    "answers",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "question_id",
        sa.Integer,
        sa.ForeignKey("questions.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column(
        "student_id", sa.Integer, sa.ForeignKey("students.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("x", sa.Float, nullable=True),  # a prediction's guess
    sa.Column("y", sa.Float, nullable=True),
    sa.Column("choice", sa.Integer, nullable=True),  # a multiple-choice answer
    sa.Column("answered_at", sa.Float, nullable=False),
    # One answer per student per question: a new click replaces the old one (an upsert).
    sa.UniqueConstraint("question_id", "student_id", name="uq_answers_question_student"),
)

# Failed join attempts (unknown or expired code) per client, for the rate limit: in the
# database, so the limit holds across replicas.
join_failures = sa.Table(
    "join_failures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("client", sa.String(100), nullable=False),
    sa.Column("at", sa.Float, nullable=False),
    sa.Index("ix_join_failures_client_at", "client", "at"),
)
