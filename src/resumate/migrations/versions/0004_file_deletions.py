"""Stored files that must be deleted, kept until storage confirms they are gone.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "file_deletions",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("prefix", sa.String(512), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_file_deletions_next_attempt_at", "file_deletions", ["next_attempt_at"])


def downgrade() -> None:
    op.drop_index("ix_file_deletions_next_attempt_at", table_name="file_deletions")
    op.drop_table("file_deletions")
