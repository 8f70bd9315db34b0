"""The user model: email is the login; names are optional and shown only where needed."""

from typing import Any, ClassVar

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from improvement_hub.accounts.permission_version import cached_groups
from improvement_hub.accounts.roles import Role
from improvement_hub.core.models import set_prefetched

# What people see in place of the name of someone who closed their account.
FORMER_MEMBER = "A former member"


class HubUserManager(UserManager["User"]):
    """Creates users by email address; there is no username."""

    use_in_migrations = True

    def _create_user(self, email: str | None, password: str | None, **extra_fields: Any) -> "User":
        if not email:
            raise ValueError("Enter an email address")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(  # type: ignore[override]  # email, not username, comes first
        self, email: str | None = None, password: str | None = None, **extra_fields: Any
    ) -> "User":
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(  # type: ignore[override]  # email, not username, comes first
        self, email: str | None = None, password: str | None = None, **extra_fields: Any
    ) -> "User":
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username: str | None) -> "User":
        return self.get(email__iexact=username)


class User(AbstractUser):
    """A person who signs in. Their roles are the Django groups they belong to."""

    username = None  # type: ignore[assignment]  # no username: the email address is the login
    email = models.EmailField("email address", max_length=254, unique=True)
    closed_at = models.DateTimeField(
        "account closed",
        null=True,
        blank=True,
        help_text="When the person closed their account; their name and email are gone.",
    )
    line_manager = models.ForeignKey(
        "self",
        verbose_name="line manager",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reports",
        help_text="The person who manages them (may book training for them).",
    )
    # A string reference, not an import: accounts and council are independent layer-1 apps
    # (DESIGN.md); the person's directorate is reference data they both hold still.
    directorate = models.ForeignKey(
        "council.Directorate",
        verbose_name="directorate",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
        help_text=(
            "The directorate the person works in (staff); reports and dashboards group by it."
        ),
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    objects: ClassVar[HubUserManager] = HubUserManager()

    class Meta:
        verbose_name = "user"
        verbose_name_plural = "users"
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
            models.CheckConstraint(
                condition=~models.Q(line_manager=models.F("pk")),
                name="accounts_user_not_own_line_manager",
                violation_error_message="A person cannot be their own line manager",
            ),
        ]

    def __str__(self) -> str:
        if self.closed_at is not None:
            return FORMER_MEMBER
        return self.get_full_name() or self.email

    @property
    def public_name(self) -> str:
        """The name shown beside what they wrote: "A former member" once the account is closed."""
        if self.closed_at is not None:
            return FORMER_MEMBER
        return self.get_full_name()

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.email = (self.email or "").strip().lower()
        super().save(*args, **kwargs)

    def has_role(self, role: str) -> bool:
        """True if the user is in the group named ``role``.

        The groups are read once per instance, so once per request for ``request.user``:
        the first check sets them as the instance's prefetch (a ``prefetch_related("groups")``
        already made is used as it is), from the cache under the permissions version
        (``permission_version.cached_groups``: any change to anyone's groups bumps it).
        Changing them through ``user.groups`` (``add``, ``remove``, ``set``, ``clear``) or
        ``refresh_from_db()`` drops the prefetch, so the next check reads them again."""
        if "groups" not in getattr(self, "_prefetched_objects_cache", {}):
            if self.pk is None:
                return False
            set_prefetched(self, "groups", cached_groups(self))
        return any(group.name == role for group in self.groups.all())


class RoleChange(models.Model):
    """One role given to or taken from a person on the Hub Team's people page: who did
    it, to whom, which role, and when. Rows are only ever added."""

    class Change(models.TextChoices):
        GRANTED = "granted", "Given"
        REMOVED = "removed", "Removed"

    actor = models.ForeignKey(
        User,
        verbose_name="changed by",
        null=True,
        on_delete=models.SET_NULL,
        related_name="role_changes_made",
    )
    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_changes")
    # The role's name as it was given (a Role value), kept even if the group is renamed.
    role = models.CharField(max_length=40, choices=[(role.value, role.value) for role in Role])
    change = models.CharField(max_length=10, choices=Change.choices)
    at = models.DateTimeField("when", default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(change__in=["granted", "removed"]),
                name="accounts_rolechange_change_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=[role.value for role in Role]),
                name="accounts_rolechange_role_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.role} {self.get_change_display().lower()} ({self.at:%Y-%m-%d})"
