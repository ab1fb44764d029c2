"""Template theme defaults; the size of a resume's stored PDF.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    with op.batch_alter_table("templates") as batch:
        batch.add_column(
            sa.Column("defaults", JSON_DOCUMENT, nullable=False, server_default=sa.text("'{}'"))
        )
    with op.batch_alter_table("resumes") as batch:
        batch.add_column(sa.Column("pdf_pages", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("pdf_bytes", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("resumes") as batch:
        batch.drop_column("pdf_bytes")
        batch.drop_column("pdf_pages")
    with op.batch_alter_table("templates") as batch:
        batch.drop_column("defaults")
