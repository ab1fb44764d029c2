"""Accounts, templates, resumes and their versions.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out here rather than imported, so this file keeps meaning what it meant when it ran.
JSON_DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def timestamp(name: str, *, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=True),
        sa.Column("external_subject", sa.String(255), nullable=True),
        sa.Column("token_version", sa.Integer(), nullable=False),
        timestamp("created_at"),
        timestamp("updated_at"),
        sa.UniqueConstraint("email", name="uq_users_email"),
        sa.UniqueConstraint("external_subject", name="uq_users_external_subject"),
    )
    op.create_table(
        "refresh_tokens",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column(
            "user_id",
            sa.Uuid(),
            sa.ForeignKey("users.id", ondelete="CASCADE", name="fk_refresh_tokens_user_id_users"),
            nullable=False,
        ),
        sa.Column("family_id", sa.Uuid(), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        timestamp("created_at"),
        timestamp("expires_at"),
        timestamp("used_at", nullable=True),
        timestamp("revoked_at", nullable=True),
        sa.UniqueConstraint("token_hash", name="uq_refresh_tokens_token_hash"),
    )
    op.create_index("ix_refresh_tokens_family_id", "refresh_tokens", ["family_id"])
    op.create_index("ix_refresh_tokens_user_id", "refresh_tokens", ["user_id"])
    op.create_table(
        "login_failures",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("key", sa.String(400), nullable=False),
        timestamp("created_at"),
    )
    op.create_index("ix_login_failures_key_created_at", "login_failures", ["key", "created_at"])
    op.create_table(
        "templates",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("slug", sa.String(64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("html", sa.Text(), nullable=False),
        sa.Column("css", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("thumbnail_key", sa.String(512), nullable=True),
        sa.Column("is_builtin", sa.Boolean(), nullable=False),
        timestamp("created_at"),
        sa.UniqueConstraint("slug", "version", name="uq_templates_slug_version"),
    )
    op.create_table(
        "resumes",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column(
            "owner_id",
            sa.Uuid(),
            sa.ForeignKey("users.id", ondelete="CASCADE", name="fk_resumes_owner_id_users"),
            nullable=False,
        ),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column(
            "template_id",
            sa.Uuid(),
            sa.ForeignKey("templates.id", name="fk_resumes_template_id_templates"),
            nullable=False,
        ),
        sa.Column("data", JSON_DOCUMENT, nullable=False),
        sa.Column("theme", JSON_DOCUMENT, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("pdf_key", sa.String(512), nullable=True),
        sa.Column("pdf_hash", sa.String(64), nullable=True),
        timestamp("created_at"),
        timestamp("updated_at"),
        timestamp("deleted_at", nullable=True),
    )
    op.create_index(
        "ix_resumes_owner_id_deleted_at_updated_at",
        "resumes",
        ["owner_id", "deleted_at", "updated_at"],
    )
    op.create_table(
        "resume_versions",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column(
            "resume_id",
            sa.Uuid(),
            sa.ForeignKey(
                "resumes.id", ondelete="CASCADE", name="fk_resume_versions_resume_id_resumes"
            ),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column(
            "template_id",
            sa.Uuid(),
            sa.ForeignKey("templates.id", name="fk_resume_versions_template_id_templates"),
            nullable=False,
        ),
        sa.Column("data", JSON_DOCUMENT, nullable=False),
        sa.Column("theme", JSON_DOCUMENT, nullable=False),
        timestamp("created_at"),
        sa.UniqueConstraint("resume_id", "version", name="uq_resume_versions_resume_id_version"),
    )


def downgrade() -> None:
    op.drop_table("resume_versions")
    op.drop_table("resumes")
    op.drop_table("templates")
    op.drop_table("login_failures")
    op.drop_table("refresh_tokens")
    op.drop_table("users")
