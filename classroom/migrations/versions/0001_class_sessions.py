"""Class sessions: classes, students, questions, answers, failed join attempts.

Revision ID: 0001
Revises:
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _class_fk() -> sa.Column:
    return sa.Column(
        "class_id", sa.Integer, sa.ForeignKey("classes.id", ondelete="CASCADE"), nullable=False
    )


def upgrade() -> None:
    op.create_table(
        "classes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("code", sa.String(16), nullable=False, unique=True),
        sa.Column("teacher_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
        sa.Column("expires_at", sa.Float, nullable=False),
        sa.Column("view_page", sa.String(200), nullable=True),
        sa.Column("view_query", sa.Text, nullable=False, server_default="{}"),
        sa.Column("view_version", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_table(
        "students",
        sa.Column("id", sa.Integer, primary_key=True),
        _class_fk(),
        sa.Column("nickname", sa.String(64), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("joined_at", sa.Float, nullable=False),
        sa.UniqueConstraint("class_id", "nickname", name="uq_students_class_nickname"),
    )
    op.create_table(
        "questions",
        sa.Column("id", sa.Integer, primary_key=True),
        _class_fk(),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("revealed", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("asked_at", sa.Float, nullable=False),
    )
    op.create_index("ix_questions_class", "questions", ["class_id"])
    op.create_table(
        "answers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "question_id",
            sa.Integer,
            sa.ForeignKey("questions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "student_id",
            sa.Integer,
            sa.ForeignKey("students.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("x", sa.Float, nullable=True),
        sa.Column("y", sa.Float, nullable=True),
        sa.Column("choice", sa.Integer, nullable=True),
        sa.Column("answered_at", sa.Float, nullable=False),
        sa.UniqueConstraint("question_id", "student_id", name="uq_answers_question_student"),
    )
    op.create_table(
        "join_failures",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("client", sa.String(100), nullable=False),
        sa.Column("at", sa.Float, nullable=False),
    )
    op.create_index("ix_join_failures_client_at", "join_failures", ["client", "at"])


def downgrade() -> None:
    for table in ("join_failures", "answers", "questions", "students", "classes"):
        op.drop_table(table)
