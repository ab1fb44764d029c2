"""Two-factor sign-in: authenticator apps, recovery codes, sign-ins waiting for a second factor.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STAMP = sa.DateTime(timezone=True)


def _user_id(table: str) -> sa.Column[object]:
    return sa.Column(
        "user_id",
        sa.Uuid(),
        sa.ForeignKey("users.id", ondelete="CASCADE", name=f"fk_{table}_user_id_users"),
        nullable=False,
    )


def upgrade() -> None:
    op.create_table(
        "totp_factors",
        _user_id("totp_factors"),
        sa.Column("secret_encrypted", sa.String(255), nullable=False),
        sa.Column("created_at", STAMP, nullable=False),
        sa.Column("enabled_at", STAMP, nullable=True),
        sa.Column("last_step", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("user_id", name="pk_totp_factors"),
    )
    op.create_table(
        "recovery_codes",
        sa.Column("id", sa.Uuid(), nullable=False),
        _user_id("recovery_codes"),
        sa.Column("code_hash", sa.String(64), nullable=False),
        sa.Column("created_at", STAMP, nullable=False),
        sa.Column("used_at", STAMP, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_recovery_codes"),
    )
    op.create_index(
        "ix_recovery_codes_user_id_code_hash", "recovery_codes", ["user_id", "code_hash"]
    )
    op.create_table(
        "pending_sign_ins",
        sa.Column("id", sa.Uuid(), nullable=False),
        _user_id("pending_sign_ins"),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("created_at", STAMP, nullable=False),
        sa.Column("expires_at", STAMP, nullable=False),
        sa.Column("used_at", STAMP, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_pending_sign_ins"),
        sa.UniqueConstraint("token_hash", name="uq_pending_sign_ins_token_hash"),
    )
    op.create_index("ix_pending_sign_ins_user_id", "pending_sign_ins", ["user_id"])


def downgrade() -> None:
    op.drop_index("ix_pending_sign_ins_user_id", table_name="pending_sign_ins")
    op.drop_table("pending_sign_ins")
    op.drop_index("ix_recovery_codes_user_id_code_hash", table_name="recovery_codes")
    op.drop_table("recovery_codes")
    op.drop_table("totp_factors")
