"""Links that confirm an address: sign-ups waiting for their inbox, and changes of address.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def timestamp(name: str, *, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "email_confirmations",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("purpose", sa.String(16), nullable=False),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=True),
        sa.Column(
            "user_id",
            sa.Uuid(),
            sa.ForeignKey(
                "users.id", ondelete="CASCADE", name="fk_email_confirmations_user_id_users"
            ),
            nullable=True,
        ),
        sa.Column("token_hash", sa.String(64), nullable=False),
        timestamp("created_at"),
        timestamp("expires_at"),
        timestamp("used_at", nullable=True),
        sa.UniqueConstraint("token_hash", name="uq_email_confirmations_token_hash"),
    )
    op.create_index("ix_email_confirmations_email", "email_confirmations", ["email"])
    op.create_index("ix_email_confirmations_user_id", "email_confirmations", ["user_id"])


def downgrade() -> None:
    op.drop_index("ix_email_confirmations_user_id", table_name="email_confirmations")
    op.drop_index("ix_email_confirmations_email", table_name="email_confirmations")
    op.drop_table("email_confirmations")
