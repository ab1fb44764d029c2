"""Devices signed in: one row per refresh-token family, with where and when it was used.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "device_sessions",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column(
            "user_id",
            sa.Uuid(),
            sa.ForeignKey("users.id", ondelete="CASCADE", name="fk_device_sessions_user_id_users"),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("address", sa.String(64), nullable=False),
        sa.Column("user_agent", sa.String(512), nullable=False),
    )
    op.create_index("ix_device_sessions_user_id", "device_sessions", ["user_id"])
    # Sessions already open get a row, where and from what unknown until their next renewal.
    op.execute(
        """
        INSERT INTO device_sessions (id, user_id, created_at, last_used_at, address, user_agent)
        SELECT family_id, user_id, MIN(created_at), MAX(created_at), '', ''
        FROM refresh_tokens
        WHERE revoked_at IS NULL
        GROUP BY family_id, user_id
        """
    )


def downgrade() -> None:
    op.drop_index("ix_device_sessions_user_id", table_name="device_sessions")
    op.drop_table("device_sessions")
