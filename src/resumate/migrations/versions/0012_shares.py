"""Share links of resumes, the recent visits that count each view once, and what was sent.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
STAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "shares",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column(
            "resume_id",
            sa.Uuid(),
            sa.ForeignKey("resumes.id", ondelete="CASCADE", name="fk_shares_resume_id_resumes"),
            nullable=False,
        ),
        sa.Column(
            "owner_id",
            sa.Uuid(),
            sa.ForeignKey("users.id", ondelete="CASCADE", name="fk_shares_owner_id_users"),
            nullable=False,
        ),
        sa.Column("label", sa.String(120), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("token_sealed", sa.String(255), nullable=False),
        sa.Column("expires_at", STAMP, nullable=True),
        sa.Column("password_hash", sa.String(255), nullable=True),
        sa.Column("redact", JSON_DOCUMENT, nullable=False),
        sa.Column("allow_download", sa.Boolean(), nullable=False),
        sa.Column("indexable", sa.Boolean(), nullable=False),
        sa.Column("frozen", sa.Boolean(), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column(
            "template_id",
            sa.Uuid(),
            sa.ForeignKey("templates.id", name="fk_shares_template_id_templates"),
            nullable=False,
        ),
        sa.Column("data", JSON_DOCUMENT, nullable=False),
        sa.Column("theme", JSON_DOCUMENT, nullable=False),
        sa.Column("views", sa.Integer(), nullable=False),
        sa.Column("downloads", sa.Integer(), nullable=False),
        sa.Column("created_at", STAMP, nullable=False),
        sa.Column("revoked_at", STAMP, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_shares"),
        sa.UniqueConstraint("token_hash", name="uq_shares_token_hash"),
    )
    op.create_index("ix_shares_resume_id", "shares", ["resume_id"])
    op.create_index("ix_shares_owner_id_created_at", "shares", ["owner_id", "created_at"])
    op.create_table(
        "share_visits",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column(
            "share_id",
            sa.Uuid(),
            sa.ForeignKey("shares.id", ondelete="CASCADE", name="fk_share_visits_share_id_shares"),
            nullable=False,
        ),
        sa.Column("visitor", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("seen_at", STAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_share_visits"),
        sa.UniqueConstraint(
            "share_id", "visitor", "kind", name="uq_share_visits_share_id_visitor_kind"
        ),
    )
    op.create_index("ix_share_visits_seen_at", "share_visits", ["seen_at"])
    op.create_table(
        "sent_records",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column(
            "resume_id",
            sa.Uuid(),
            sa.ForeignKey(
                "resumes.id", ondelete="CASCADE", name="fk_sent_records_resume_id_resumes"
            ),
            nullable=False,
        ),
        sa.Column(
            "owner_id",
            sa.Uuid(),
            sa.ForeignKey("users.id", ondelete="CASCADE", name="fk_sent_records_owner_id_users"),
            nullable=False,
        ),
        sa.Column("application", sa.String(120), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column(
            "share_id",
            sa.Uuid(),
            sa.ForeignKey("shares.id", ondelete="SET NULL", name="fk_sent_records_share_id_shares"),
            nullable=True,
        ),
        sa.Column("pdf_key", sa.String(512), nullable=False),
        sa.Column("pdf_sha256", sa.String(64), nullable=False),
        sa.Column("pdf_bytes", sa.Integer(), nullable=False),
        sa.Column("pdf_pages", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column(
            "template_id",
            sa.Uuid(),
            sa.ForeignKey("templates.id", name="fk_sent_records_template_id_templates"),
            nullable=False,
        ),
        sa.Column("template_hash", sa.String(64), nullable=False),
        sa.Column("data", JSON_DOCUMENT, nullable=False),
        sa.Column("theme", JSON_DOCUMENT, nullable=False),
        sa.Column("settings", JSON_DOCUMENT, nullable=False),
        sa.Column("created_at", STAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sent_records"),
    )
    op.create_index(
        "ix_sent_records_resume_id_application_created_at",
        "sent_records",
        ["resume_id", "application", "created_at"],
    )


def downgrade() -> None:
    op.drop_table("sent_records")
    op.drop_table("share_visits")
    op.drop_table("shares")
