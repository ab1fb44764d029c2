"""Saved versions a person named ("Sent to Nordlys"), and which one a restore brought back.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("resume_versions") as batch:
        batch.add_column(sa.Column("name", sa.String(80), nullable=True))
        batch.add_column(sa.Column("restored_from", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("resume_versions") as batch:
        batch.drop_column("restored_from")
        batch.drop_column("name")
