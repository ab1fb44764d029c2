"""Variants tailored to a job, linked to their master; the language model a person brought.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03
"""

import contextlib
from collections.abc import Iterator, Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
STAMP = sa.DateTime(timezone=True)
MASTER_FK = "fk_resumes_master_id_resumes"


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _add_master_on_sqlite()
    else:
        op.add_column("resumes", sa.Column("master_id", sa.Uuid(), nullable=True))
        op.create_foreign_key(
            MASTER_FK, "resumes", "resumes", ["master_id"], ["id"], ondelete="SET NULL"
        )
    op.add_column("resumes", sa.Column("job", JSON_DOCUMENT, nullable=True))
    op.create_index("ix_resumes_master_id", "resumes", ["master_id"])
    op.create_table(
        "ai_user_providers",
        sa.Column(
            "user_id",
            sa.Uuid(),
            sa.ForeignKey(
                "users.id", ondelete="CASCADE", name="fk_ai_user_providers_user_id_users"
            ),
            nullable=False,
        ),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("base_url", sa.String(500), nullable=True),
        sa.Column("model", sa.String(200), nullable=False),
        sa.Column("key_encrypted", sa.String(2000), nullable=False),
        sa.Column("key_hint", sa.String(4), nullable=False),
        sa.Column("created_at", STAMP, nullable=False),
        sa.Column("updated_at", STAMP, nullable=False),
        sa.PrimaryKeyConstraint("user_id", name="pk_ai_user_providers"),
    )


@contextlib.contextmanager
def _versions_kept() -> Iterator[None]:
    """SQLite adds or drops a constraint only by copying the table; with foreign keys on,
    dropping the old copy deletes every saved version (the cascade): they are put back after."""
    op.execute("CREATE TEMP TABLE kept_versions AS SELECT * FROM resume_versions")
    yield
    op.execute(
        "INSERT INTO resume_versions SELECT * FROM kept_versions"
        " WHERE id NOT IN (SELECT id FROM resume_versions)"
    )
    op.execute("DROP TABLE kept_versions")


def _add_master_on_sqlite() -> None:
    with _versions_kept(), op.batch_alter_table("resumes", recreate="always") as batch:
        batch.add_column(sa.Column("master_id", sa.Uuid(), nullable=True))
        batch.create_foreign_key(MASTER_FK, "resumes", ["master_id"], ["id"], ondelete="SET NULL")


def downgrade() -> None:
    op.drop_table("ai_user_providers")
    op.drop_index("ix_resumes_master_id", table_name="resumes")
    op.drop_column("resumes", "job")
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint(MASTER_FK, "resumes", type_="foreignkey")
        op.drop_column("resumes", "master_id")
        return
    with _versions_kept(), op.batch_alter_table("resumes", recreate="always") as batch:
        batch.drop_constraint(MASTER_FK, type_="foreignkey")
        batch.drop_column("master_id")
